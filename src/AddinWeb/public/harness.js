// The harness page: holds the simulated item that fake-office.js (inside the pane's frame) reads and writes, and
// sends it through the Graph emulator with the custom properties and internet headers the pane stamped.
(function () {
  "use strict";
  var query = new URLSearchParams(location.search);
  var list = function (text) { return text.split(",").map(function (s) { return s.trim(); }).filter(Boolean); };
  var $ = function (id) { return document.getElementById(id); };
  // ?client=mobile: Outlook on iOS and Android — Mailbox 1.5, no displayMessageForm, convertToRestId or officeTheme.
  var client = query.get("client") || "desktop";
  window.harness = {
    client: client,
    mailboxVersion: query.get("mailbox") || (client === "mobile" ? "1.5" : "1.14"),
    theme: query.get("theme") || "light",
    // Fault injection for tests: ?fail=customProperties makes saving the item's custom properties fail, as Outlook can;
    // ?fail=customProperties,internetHeaders fails the header too (both stamps lost).
    fail: (query.get("fail") || "").split(","),
    handlers: {},
    item: {
      mode: query.get("mode") || "compose",
      from: query.get("from") || (query.get("mode") !== "read" && query.get("shared")) || "alex@contoso.com",
      to: list(query.get("to") || ""),
      cc: list(query.get("cc") || ""),
      bcc: [],
      subject: query.get("subject") || "",
      sessionData: {},
      // A read item's ids, for an email the emulator holds: its Internet Message-ID and its Graph id.
      internetMessageId: query.get("internetMessageId") || undefined,
      itemId: query.get("itemId") || undefined,
      // ?composeType=forward&inherited=t-x: a forward in classic Outlook, which starts with the parent's custom properties.
      composeType: query.get("composeType") || "newMail",
      // ?shared=sales@contoso.com: the item is in that team or shared mailbox (its getSharedPropertiesAsync answers with
      // it); a compose item is from it. A reply's threading headers, set when Outlook's reply form made the item.
      shared: query.get("shared") || undefined,
      inReplyTo: undefined,
      references: undefined,
      customProperties: query.get("inherited") ? { trackingId: query.get("inherited") } : {},
      internetHeaders: {},
    },
  };
  var item = window.harness.item;
  // The signed-in user: a compose item's From; a read item's first recipient (mail in your inbox was sent to you, and
  // its sender is the person the pane shows), unless ?user= says who. Only a compose form has no recipient to go by.
  var userFor = function () {
    if (query.get("user")) { return query.get("user"); }
    // A team mailbox's item was sent to (or from) the team: the rep who opened it is someone else, alex by default.
    if (item.shared) { return "alex@contoso.com"; }
    if (item.mode === "read") { return item.to.concat(item.cc)[0] || "alex@contoso.com"; }
    return item.from;
  };
  item.user = userFor();
  // ?pane=none: Outlook's compose forms open without the task pane (the rep never opens it; Outlook mobile's new
  // mail), so only the event runtime runs. A read item still shows the pane (the rep opened it to act on the item);
  // harness.openPane() opens it later, as a rep who opens the pane minutes after starting the message.
  // Outlook on iOS and Android never show the pane while writing (no compose surface there): mobile implies it.
  var paneOpensWithCompose = query.get("pane") !== "none" && client !== "mobile";
  var showPane = function () {
    $("pane").hidden = false;
    $("pane").src = "/addin/index.html?harness";
  };
  var showPaneFor = function () {
    if (item.mode === "compose" && !paneOpensWithCompose) {
      $("pane").hidden = true;
      $("pane").removeAttribute("src");
      return;
    }
    showPane();
  };
  window.harness.openPane = showPane;
  // The add-in's bars on the item (fake-office.js keeps them on item.notifications and calls this when they change).
  window.harness.noticesChanged = function () {
    var notices = $("notices");
    notices.textContent = "";
    Object.keys(item.notifications || {}).forEach(function (key) {
      var bar = document.createElement("li");
      bar.dataset.key = key;
      bar.textContent = item.notifications[key].message;
      notices.appendChild(bar);
    });
  };
  // ?width=320: the pane at Outlook's narrowest (mobile, a narrow window).
  if (query.get("width")) { $("pane").style.width = Number(query.get("width")) + "px"; }
  $("mode").value = item.mode;
  $("from").value = item.from;
  $("to").value = item.to.join(", ");
  $("cc").value = item.cc.join(", ");
  $("subject").value = item.subject;
  var recipientsChanged = function () {
    item.to = list($("to").value);
    item.cc = list($("cc").value);
    (window.harness.handlers.olkRecipientsChanged || []).forEach(function (handler) { handler({ type: "olkRecipientsChanged" }); });
    window.harness.runEvent("onMessageRecipientsChanged");
  };
  $("to").addEventListener("change", recipientsChanged);
  $("cc").addEventListener("change", recipientsChanged);
  $("subject").addEventListener("change", function () { item.subject = $("subject").value; });
  var reload = function () {
    item.mode = $("mode").value;
    item.from = $("from").value;
    item.user = userFor();
    window.harness.handlers = {}; // the old pane's event handlers went with it
    showPaneFor();
  };
  // What Outlook does on displayNewMessageForm: a new message, To filled, with the pane opened beside it.
  window.harness.openNewMessage = function (message) {
    item.shared = undefined;
    item.inReplyTo = undefined;
    item.references = undefined;
    startCompose(item.user, message); // a new message is from the signed-in user's mailbox
  };
  var startCompose = function (from, message) {
    item.mode = "compose";
    item.from = from;
    $("from").value = item.from;
    item.to = message.to.slice();
    item.cc = (message.cc || []).slice();
    item.subject = message.subject || "";
    item.customProperties = {};
    item.internetHeaders = {};
    $("mode").value = item.mode;
    $("to").value = item.to.join(", ");
    $("cc").value = item.cc.join(", ");
    $("subject").value = item.subject;
    $("body").value = message.htmlBody || "";
    window.harness.handlers = {}; // the old pane's event handlers went with it
    item.sessionData = {};
    item.notifications = {};
    window.harness.noticesChanged();
    // A new form is a new item: Outlook runs the add-in's OnNewMessageCompose for it, in a fresh event runtime.
    $("events").src = "/addin/events/commands.html?harness&form=" + (++forms);
    showPaneFor();
  };
  // Another item selected while the pane stays open (pinned): no reload, Office's ItemChanged event instead.
  window.harness.selectItem = function (fields) {
    Object.keys(fields).forEach(function (name) { item[name] = fields[name]; });
    $("mode").value = item.mode;
    $("from").value = item.from;
    $("to").value = item.to.join(", ");
    $("cc").value = item.cc.join(", ");
    $("subject").value = item.subject;
    (window.harness.swapItems || []).forEach(function (swap) { try { swap(); } catch (gone) { /* a frame that was reloaded */ } });
    (window.harness.handlers.olkItemSelectedChanged || []).forEach(function (handler) { handler({ type: "olkItemSelectedChanged" }); });
  };
  // The simulated editor: what fake-office.js's body and subject calls read and write.
  window.harness.insertAtCursor = function (html) {
    var body = $("body"), start = body.selectionStart, end = body.selectionEnd;
    body.value = body.value.slice(0, start) + html + body.value.slice(end);
    body.selectionStart = body.selectionEnd = start + html.length;
  };
  window.harness.getBody = function () { return $("body").value; };
  window.harness.getSelection = function () { var body = $("body"); return body.value.slice(body.selectionStart, body.selectionEnd); };
  window.harness.getSubject = function () { return $("subject").value; };
  window.harness.setSubject = function (subject) { $("subject").value = subject; item.subject = subject; };
  // Outlook runs OnNewMessageCompose when a new message opens, and OnMessageRecipientsChanged when it has recipients.
  $("events").addEventListener("load", function () {
    if (item.mode !== "compose") { return; }
    window.harness.runEvent("onNewMessageCompose").then(function () {
      if (item.to.length + item.cc.length > 0) { window.harness.runEvent("onMessageRecipientsChanged"); }
    });
  });
  var forms = 0;
  $("events").src = "/addin/events/commands.html?harness";
  window.harness.openedMessages = [];
  // Outlook's form for an existing message (displayMessageForm, by EWS id): the harness notes it and keeps the item the
  // emulator holds under that id, in whichever mailbox, as the opened item, whose Reply (harness.reply) Outlook offers.
  window.harness.openMessage = function (itemId) {
    window.harness.openedMessages.push(itemId);
    $("result").textContent = "Outlook opened message " + itemId;
    window.harness.opened = fetch("/_emulator/items?id=" + encodeURIComponent(itemId))
      .then(function (response) { return response.ok ? response.json() : null; });
  };
  // Reply or reply all on the opened item (or the read item), as Outlook's own reply form (displayReplyForm): from the
  // mailbox that holds it — a team mailbox's copy replies from the team's address — threaded on the original.
  window.harness.reply = function (all) {
    var source = window.harness.opened || Promise.resolve(item.mode === "read" ? {
      mailbox: item.shared || item.user, from: item.from, to: item.to, cc: item.cc, subject: item.subject, internetMessageId: item.internetMessageId, references: null,
    } : null);
    return source.then(function (original) {
      if (!original) { throw new Error("No message is open to reply to"); }
      var mailbox = original.mailbox, same = function (a) { return a.toLowerCase() === mailbox.toLowerCase(); };
      var to = original.from && !same(original.from) ? [original.from] : original.to.slice();
      if (all) { to = to.concat(original.to.filter(function (a) { return !same(a) && to.indexOf(a) < 0; })); }
      item.shared = same(item.user) ? undefined : mailbox;
      item.inReplyTo = original.internetMessageId;
      item.references = ((original.references || "") + " " + original.internetMessageId).trim();
      item.composeType = "reply";
      window.harness.opened = null;
      startCompose(mailbox, { to: to, cc: all ? original.cc.filter(function (a) { return !same(a); }) : [], subject: "RE: " + original.subject.replace(/^(re|fw|fwd):\s*/i, "") });
    });
  };
  $("mode").addEventListener("change", reload);
  $("from").addEventListener("change", reload);
  // Send as Outlook does: the add-in's OnMessageSend handler first (Smart Alerts); a SoftBlock answer stops the send.
  window.harness.runEvent = function (name) {
    return new Promise(function (resolve) {
      var events = $("events").contentWindow;
      var started = performance.now();
      if (!events || !events.harnessInvoke) { resolve({ missing: name, ms: 0 }); return; }
      events.harnessInvoke(name, function (options) { options.ms = performance.now() - started; resolve(options); });
    });
  };
  $("send").addEventListener("click", function () {
    // On a phone no send handler runs: Smart Alerts (OnMessageSend) are not applicable to Outlook on iOS and Android.
    var handler = client === "mobile" ? Promise.resolve({ allowEvent: true, skipped: "mobile" }) : window.harness.runEvent("onMessageSend");
    handler.then(function (answer) {
      window.harness.lastSendAnswer = answer;
      if (answer.allowEvent === false) {
        $("result").textContent = "Not sent: " + answer.errorMessage + " [" + answer.cancelLabel + "]";
        return;
      }
      send();
    });
  });
  var send = function () {
    fetch("/_emulator/mailboxes/" + encodeURIComponent(item.from) + "/send", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        to: item.to, cc: item.cc, subject: $("subject").value, bodyHtml: $("body").value,
        internetHeaders: item.internetHeaders, customProperties: item.customProperties,
        inReplyTo: item.inReplyTo, references: item.references,
      }),
    }).then(function (response) { return response.json().then(function (body) { return [response.status, body]; }); })
      .then(function (answer) { $("result").textContent = answer[0] === 201 ? "Sent: " + answer[1].internetMessageId : "Send failed: " + JSON.stringify(answer[1]); });
  };
  reload();
})();
