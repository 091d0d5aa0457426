// Office.js before anything else, as Outlook requires: from Microsoft's CDN, or inside the development harness
// (?harness) the fake. A file of its own rather than an inline script, so the pane's Content-Security-Policy needs no
// 'unsafe-inline' for scripts (a parser-blocking script may still document.write the next one in place).
document.write('<script src="' + (new URLSearchParams(location.search).has("harness") ? "/addin/fake-office.js" : "https://appsforoffice.microsoft.com/lib/1/hosted/office.js") + '"><\/script>');
