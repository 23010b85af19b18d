// The convention selector and the tree buttons; no library, nothing fetched.
(function () {
  "use strict";

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function openAncestors(row) {
    for (var d = row.parentElement; d; d = d.parentElement) {
      if (d.tagName === "DETAILS") { d.open = true; }
    }
  }

  function setUp(section) {
    var prefix = section.getAttribute("data-prefix");
    var data = JSON.parse(section.querySelector("script.data").textContent);
    var select = section.querySelector("select.convention");
    var listing = section.querySelector(".listing");
    var rows = section.querySelectorAll(".tree .row");

    function row(id) { return document.getElementById(prefix + "n" + id); }

    function link(path, id) {
      var a = el("a", path === "" ? "(root)" : path);
      a.href = "#" + prefix + "n" + id;
      return a;
    }

    function entry(item) {
      return item.node === null ? el("span", item.path) : link(item.path, item.node);
    }

    function show(key) {
      var c = data.conventions[key];
      rows.forEach(function (r) {
        r.classList.remove("counted", "left-out");
        r.querySelector(".mark").textContent = "";
        r.removeAttribute("title");
      });
      section.querySelectorAll("table.conventions tr").forEach(function (tr) {
        tr.classList.toggle("selected", tr.getAttribute("data-convention") === key);
      });
      var counted = 0;
      var position = {};
      c.order.forEach(function (item, i) {
        if (item.node !== null && !(item.node in position)) { position[item.node] = i + 1; }
      });
      Object.keys(c.nodes).forEach(function (id) {
        var r = row(id);
        if (!r) { return; }
        var n = c.nodes[id];
        r.classList.add("counted");
        var what = key === "depth" ? "on the path" : "counted";
        r.querySelector(".mark").textContent = n > 1 ? what + " \u00d7" + n
            : (id in position ? what + " #" + position[id] : what);
        openAncestors(r);
        counted += n;
      });
      if (c.reasons) {
        Object.keys(c.reasons).forEach(function (id) {
          var r = row(id);
          if (!r) { return; }
          r.classList.add("left-out");
          r.querySelector(".mark").textContent = "left out: " + c.reasons[id];
          openAncestors(r);
        });
      }
      listing.textContent = "";
      var count = section.querySelector('td.count[data-convention="' + key + '"]').textContent;
      listing.appendChild(el("p", key + " = " + count + (c.why ? ". " + c.why + "." : ": the layers it counted are highlighted in the tree.")));
      if (c.order.length > 0) {
        listing.appendChild(el("p", key === "depth" ? "In order along the longest path:" : "Counted, in printed order:"));
        var ol = el("ol");
        c.order.forEach(function (item) {
          var li = el("li");
          li.appendChild(entry(item));
          ol.appendChild(li);
        });
        listing.appendChild(ol);
        if (c.more > 0) { listing.appendChild(el("p", "\u2026 and " + c.more + " more, marked in the tree.", "note")); }
      }
      if (c.excluded && c.excluded.length > 0) {
        listing.appendChild(el("p", "Left out, and why:"));
        var ul = el("ul");
        c.excluded.forEach(function (x) {
          var li = el("li");
          li.appendChild(entry(x));
          li.appendChild(el("span", " \u2014 " + x.reason, "reason"));
          ul.appendChild(li);
        });
        listing.appendChild(ul);
      }
      section.setAttribute("data-highlighted", String(counted));
    }

    listing.addEventListener("click", function (event) {
      var a = event.target.closest("a");
      if (!a) { return; }
      var target = document.getElementById(a.getAttribute("href").substring(1));
      if (target) {
        event.preventDefault();
        openAncestors(target);
        target.scrollIntoView({ block: "center" });
        target.focus();
      }
    });
    section.querySelector("button.expand").addEventListener("click", function () {
      section.querySelectorAll(".tree details").forEach(function (d) { d.open = true; });
    });
    section.querySelector("button.collapse").addEventListener("click", function () {
      section.querySelectorAll(".tree details").forEach(function (d) { d.open = false; });
    });
    select.addEventListener("change", function () { show(select.value); });
    show(select.value);
  }

  document.querySelectorAll("section.model[data-prefix]").forEach(function (section) {
    if (section.querySelector("script.data")) { setUp(section); }
  });
}());
