// A stand-in for Microsoft's office.js, for the harness and the browser tests (never used in Outlook). It models the
// parts of Office.js the pane uses, with the real shapes: callback AsyncResults, read items with plain arrays,
// compose items with async getters, custom properties and internet headers stores, the recipients-changed event.
// The simulated item lives in the harness page (window.parent.harness) so the page can edit it and send it.
(function () {
  "use strict";
  var host = window.parent && window.parent !== window && window.parent.harness ? window.parent.harness : null;
  var item = host ? host.item : { mode: "compose", from: "alex@contoso.com", to: [], cc: [], bcc: [], subject: "", customProperties: {}, internetHeaders: {} };
  var handlers = host ? host.handlers : {};
  // Requirement sets compare as versions: 1.5 is below 1.14.
  var atMost = function (wanted, available) {
    var a = String(wanted).split(".").map(Number), b = String(available).split(".").map(Number);
    return a[0] < b[0] || (a[0] === b[0] && (a[1] || 0) <= (b[1] || 0));
  };
  var ok = function (value) { return { status: "succeeded", value: value }; };
  var done = function (options, callback, value) {
    var cb = typeof options === "function" ? options : callback;
    if (cb) { setTimeout(function () { cb(ok(value)); }, 0); }
  };
  var details = function (addresses) {
    return addresses.map(function (address) { return { emailAddress: address, displayName: address }; });
  };
  var recipients = function (field) {
    return { getAsync: function (options, callback) { done(options, callback, details(item[field])); } };
  };
  // Mailbox 1.8 (shared folders) / 1.13 (shared mailboxes): an item of a team or shared mailbox (?shared=) names that
  // mailbox; the rep's own items fail the call, as Outlook's do ("the current folder or mailbox isn't shared").
  var getSharedPropertiesAsync = function (options, callback) {
    var cb = typeof options === "function" ? options : callback;
    setTimeout(function () {
      cb(item.shared
        ? ok({ owner: item.shared, targetMailbox: item.shared, targetRestUrl: location.origin + "/_emulator/graph", delegatePermissions: 1 })
        : { status: "failed", error: { message: "The current folder or mailbox isn't shared." } });
    }, 0);
  };
  var composeItem = {
    itemType: "message",
    getSharedPropertiesAsync: getSharedPropertiesAsync,
    to: recipients("to"),
    cc: recipients("cc"),
    bcc: recipients("bcc"),
    from: { getAsync: function (options, callback) { done(options, callback, { emailAddress: item.from, displayName: item.from }); } },
    subject: {
      getAsync: function (options, callback) { done(options, callback, host ? host.getSubject() : item.subject); },
      setAsync: function (value, options, callback) {
        if (host) { host.setSubject(value); } else { item.subject = value; }
        done(options, callback, undefined);
      },
    },
    // The body is the harness's textarea: inserted HTML goes in at its cursor, replacing the selection, as in Outlook.
    body: {
      setSelectedDataAsync: function (data, options, callback) {
        if (host) { host.insertAtCursor(String(data)); }
        done(options, callback, undefined);
      },
      getAsync: function (coercion, options, callback) { done(options, callback, host ? host.getBody() : ""); },
    },
    // Session data (Mailbox 1.11): kept on the harness's item, so every frame (pane, event runtime) sees one store.
    sessionData: {
      getAsync: function (name, callback) {
        item.sessionData = item.sessionData || {};
        var has = Object.prototype.hasOwnProperty.call(item.sessionData, name);
        setTimeout(function () { callback(has ? ok(item.sessionData[name]) : { status: "failed", error: { message: "The key was not found." } }); }, 0);
      },
      setAsync: function (name, value, options, callback) {
        item.sessionData = item.sessionData || {};
        item.sessionData[name] = String(value);
        done(options, callback, undefined);
      },
    },
    getSelectedDataAsync: function (coercion, options, callback) {
      done(options, callback, { data: host ? host.getSelection() : "", sourceProperty: "body" });
    },
    // As in Outlook: a loaded copy that set() changes, and saveAsync() that writes it to the item (or fails).
    loadCustomPropertiesAsync: function (callback) {
      var values = JSON.parse(JSON.stringify(item.customProperties));
      var bag = {
        get: function (name) { return values[name]; },
        set: function (name, value) { values[name] = value; },
        remove: function (name) { delete values[name]; },
        saveAsync: function (callback) {
          if (host && host.fail.indexOf("customProperties") >= 0) {
            setTimeout(function () { callback({ status: "failed", error: { message: "The item could not be saved." } }); }, 0);
          } else {
            Object.keys(item.customProperties).forEach(function (name) { delete item.customProperties[name]; });
            Object.keys(values).forEach(function (name) { item.customProperties[name] = values[name]; });
            done(callback, undefined, undefined);
          }
        },
      };
      done(callback, undefined, bag);
    },
    // The bars Outlook shows above the message (Mailbox 1.3), kept on the harness's item for tests to read.
    notificationMessages: {
      replaceAsync: function (key, details, options, callback) {
        item.notifications = item.notifications || {};
        item.notifications[key] = JSON.parse(JSON.stringify(details));
        if (host && host.noticesChanged) { host.noticesChanged(); }
        done(options, callback, undefined);
      },
      removeAsync: function (key, options, callback) {
        item.notifications = item.notifications || {};
        var had = Object.prototype.hasOwnProperty.call(item.notifications, key);
        delete item.notifications[key];
        if (host && host.noticesChanged) { host.noticesChanged(); }
        var cb = typeof options === "function" ? options : callback;
        // As Outlook: removing a key that is not there fails.
        if (cb) { setTimeout(function () { cb(had ? ok(undefined) : { status: "failed", error: { message: "The key was not found." } }); }, 0); }
      },
    },
    internetHeaders: {
      setAsync: function (headers, options, callback) {
        if (host && host.fail.indexOf("internetHeaders") >= 0) {
          var failed = typeof options === "function" ? options : callback;
          setTimeout(function () { failed({ status: "failed", error: { message: "The item could not be saved." } }); }, 0);
          return;
        }
        Object.keys(headers).forEach(function (name) { item.internetHeaders[name] = headers[name]; });
        done(options, callback, undefined);
      },
    },
    addHandlerAsync: function (type, handler, options, callback) {
      (handlers[type] = handlers[type] || []).push(handler);
      done(options, callback, undefined);
    },
    // Mailbox 1.10 (and on mobile from 4.2352): new mail, reply or forward.
    getComposeTypeAsync: function (options, callback) {
      done(options, callback, { composeType: item.composeType || "newMail", coercionType: "html" });
    },
  };
  // A read item is a snapshot of the harness's item; selecting another item makes a new one.
  var readItem = function () {
    return {
      itemType: "message",
      from: { emailAddress: item.from, displayName: item.from },
      to: details(item.to),
      cc: details(item.cc),
      subject: item.subject,
      internetMessageId: item.internetMessageId,
      itemId: item.itemId,
      getSharedPropertiesAsync: getSharedPropertiesAsync,
      // Outlook's own reply forms (Mailbox 1.1): the harness makes the reply, from the mailbox that holds the item.
      displayReplyForm: function () { if (host) { host.reply(false); } },
      displayReplyAllForm: function () { if (host) { host.reply(true); } },
    };
  };
  if (host) {
    // The harness selected another item in the same pane (pinned): Office swaps the item, then fires ItemChanged.
    // Each frame with Office (the pane, the event runtime) swaps its own.
    (host.swapItems = host.swapItems || []).push(function () { window.Office.context.mailbox.item = item.mode === "read" ? readItem() : composeItem; });
  }
  // Event-based activation: the handlers the event script associates, and a way for the harness (Outlook's part) to
  // run one with an event whose completed() reports the add-in's answer.
  var actions = {};
  window.harnessActions = function () { return Object.keys(actions).sort(); };
  window.harnessInvoke = function (name, completed) {
    var handler = actions[name];
    if (!handler) { completed({ missing: name }); return; }
    handler({ type: name, completed: function (options) { completed(options || {}); } });
  };
  var mobile = host !== null && host.client === "mobile";
  window.Office = {
    actions: { associate: function (name, handler) { actions[name] = handler; } },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { RecipientsChanged: "olkRecipientsChanged", ItemChanged: "olkItemSelectedChanged" },
    CoercionType: { Html: "html", Text: "text" },
    MailboxEnums: {
      RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" },
      ItemNotificationMessageType: { InformationalMessage: "informationalMessage", ErrorMessage: "errorMessage", InsightMessage: "insightMessage" },
    },
    HostType: { Outlook: "Outlook" },
    context: {
      diagnostics: { hostName: "Outlook", platform: mobile ? "iOS" : "OfficeOnline" },
      requirements: { isSetSupported: function (name, version) { return name === "Mailbox" && atMost(version, host ? host.mailboxVersion : "1.14"); } },
      // Office's theme colours (Office.context.officeTheme); the harness's ?theme=dark gives a dark body background.
      officeTheme: mobile ? undefined : host && host.theme === "dark"
        ? { bodyBackgroundColor: "#292929", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#1f1f1f", controlForegroundColor: "#ffffff" }
        : { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#242424", controlBackgroundColor: "#ffffff", controlForegroundColor: "#242424" },
      mailbox: {
        // As Office converts: EWS ids are base64, REST ids URL-safe base64 of the same bytes. The harness's read item ids
        // are the emulator's Graph ids (URL-safe already), which converting leaves as they are.
        convertToRestId: function (itemId) { return String(itemId).replace(/\+/g, "-").replace(/\//g, "_"); },
        convertToEwsId: function (itemId) { return String(itemId).replace(/-/g, "+").replace(/_/g, "/"); },
        // Outlook's form for an existing message: the harness notes which one was opened.
        displayMessageForm: function (itemId) {
          if (host) { host.openMessage(itemId); }
        },
        // Outlook's own new-message form (Mailbox 1.6): in the harness, the item becomes a new compose item.
        displayNewMessageForm: function (parameters) {
          var given = parameters || {};
          if (host) { host.openNewMessage({ to: given.toRecipients || [], cc: given.ccRecipients || [], subject: given.subject || "", htmlBody: given.htmlBody || "" }); }
        },
        item: item.mode === "read" ? readItem() : composeItem,
        // Mailbox-level events (ItemChanged, Mailbox 1.5): a pinned pane follows the selected item.
        addHandlerAsync: function (type, handler, options, callback) {
          (handlers[type] = handlers[type] || []).push(handler);
          done(options, callback, undefined);
        },
        userProfile: { emailAddress: item.user || item.from, displayName: item.user || item.from },
      },
    },
    // Outlook on iOS and Android has none of Outlook's forms nor the id conversions (outlook-mobile-apis, "Unsupported APIs").
    mobileLacks: ["convertToRestId", "convertToEwsId", "displayMessageForm", "displayNewMessageForm"],
    onReady: function (callback) {
      var info = { host: "Outlook", platform: "OfficeOnline" };
      if (callback) { setTimeout(function () { callback(info); }, 0); }
      return Promise.resolve(info);
    },
  };
  if (mobile) {
    window.Office.mobileLacks.forEach(function (name) { delete window.Office.context.mailbox[name]; });
  }
})();
