/// The site's one script, `docgen.js`: builds the sidebar from `nav.js`, runs the search box over
/// `search-index.js`, and tidies the table of contents on small screens.
///
/// It is a static file referenced by path from every page (`<script src=… defer>`), so the pages'
/// `Content-Security-Policy` (`script-src 'self'`) can forbid every inline script and event handler. It only
/// creates elements and sets `textContent`, never `innerHTML`, so no name in the data can become markup. The data
/// files are plain scripts (`window.docgenNav = …;`), because browsers refuse `fetch` from `file://`.
enum SiteScript {
    /// The contents of `docgen.js`.
    static let source = #"""
        // docgen.js: sidebar, search and table of contents for a docgen site. No dependencies; works from file://.
        (function () {
          "use strict";
          var body = document.body;
          var root = body.getAttribute("data-root") || "./";
          var here = body.getAttribute("data-page") || "";
          var nav = window.docgenNav;

          function el(tag, className, text) {
            var node = document.createElement(tag);
            if (className) node.className = className;
            if (text !== undefined) node.textContent = text;
            return node;
          }
          function link(href, text) {
            var a = el("a", null, text);
            a.href = root + href;
            if (href === here) { a.setAttribute("aria-current", "page"); a.className = "current"; }
            return a;
          }
          function store(key, value) {
            try { if (value === undefined) return window.localStorage.getItem(key); window.localStorage.setItem(key, value); }
            catch (e) { return null; }
            return null;
          }

          // ---- Sidebar -------------------------------------------------------------------------------------
          function contains(node, page) {
            if (node.p === page) return true;
            if (!node.c) return false;
            for (var i = 0; i < node.c.length; i++) if (contains(node.c[i], page)) return true;
            return false;
          }
          function fill(list, nodes) {
            for (var i = 0; i < nodes.length; i++) list.appendChild(item(nodes[i]));
          }
          function item(node) {
            var li = el("li");
            if (!node.c) { li.className = "file"; li.appendChild(link(node.p, node.n)); return li; }
            li.className = "folder";
            var details = el("details");
            var summary = el("summary");
            if (node.p) summary.appendChild(link(node.p, node.n)); else summary.appendChild(el("span", null, node.n));
            details.appendChild(summary);
            var list = el("ul");
            details.appendChild(list);
            var filled = false;
            function open() { if (!filled) { filled = true; fill(list, node.c); } }
            details.addEventListener("toggle", function () { if (details.open) open(); });
            if (contains(node, here)) { open(); details.open = true; }
            li.appendChild(details);
            return li;
          }
          function buildSidebar() {
            var tree = document.getElementById("docgen-tree");
            if (!tree || !nav) return;
            var top = el("ul", "nav-links");
            for (var i = 0; i < nav.links.length; i++) {
              var li = el("li");
              li.appendChild(link(nav.links[i][1], nav.links[i][0]));
              top.appendChild(li);
            }
            tree.appendChild(top);
            for (var s = 0; s < nav.sections.length; s++) {
              var section = nav.sections[s];
              var details = el("details", "nav-section");
              details.appendChild(el("summary", null, section.title + " (" + section.count + ")"));
              var list = el("ul", "nav-tree");
              fill(list, section.tree);
              // A section that is one folder (a package, a src/ tree) opens it.
              if (section.tree.length === 1 && section.tree[0].c) {
                var only = list.querySelector("details");
                if (only) only.open = true;
              }
              details.appendChild(list);
              var mine = false;
              for (var k = 0; k < section.tree.length; k++) if (contains(section.tree[k], here)) mine = true;
              details.open = s === 0 || mine;
              tree.appendChild(details);
            }
            var home = document.querySelector(".sidebar-home");
            if (home) home.hidden = true;
            // Scroll the sidebar only (scrollIntoView would also move the page away from a #deep-link).
            var current = tree.querySelector("a[aria-current=page]");
            var sidebar = document.getElementById("docgen-sidebar");
            if (current && sidebar) {
              var r = current.getBoundingClientRect(), s = sidebar.getBoundingClientRect();
              sidebar.scrollTop += r.top - s.top - s.height / 2;
            }
          }
          function buildToggle() {
            var bar = document.querySelector(".topbar");
            if (!bar) return;
            var button = el("button", "nav-toggle", "\u2630");
            button.type = "button";
            button.setAttribute("aria-controls", "docgen-sidebar");
            button.setAttribute("aria-label", "Show or hide the sidebar");
            function narrow() { return window.matchMedia("(max-width: 800px)").matches; }
            function sync() {
              var shown = narrow() ? body.classList.contains("nav-open") : !body.classList.contains("nav-hidden");
              button.setAttribute("aria-expanded", shown ? "true" : "false");
            }
            if (store("docgen.sidebar") === "hidden") body.classList.add("nav-hidden");
            button.addEventListener("click", function () {
              if (narrow()) { body.classList.toggle("nav-open"); }
              else {
                body.classList.toggle("nav-hidden");
                store("docgen.sidebar", body.classList.contains("nav-hidden") ? "hidden" : "shown");
              }
              sync();
            });
            bar.insertBefore(button, bar.firstChild);
            sync();
          }

          // ---- Search --------------------------------------------------------------------------------------
          var index = null;
          var loading = false;
          var KINDS = { c: "class", f: "function", m: "method", e: "extension", p: "module" };
          function loadIndex(then) {
            if (index) { then(); return; }
            if (loading) return;
            loading = true;
            var script = document.createElement("script");
            script.src = root + "search-index.js";
            script.onload = function () {
              var data = window.docgenSearchIndex;
              if (!data) return;
              var entries = [];
              for (var i = 0; i < data.pages.length; i++) {
                var page = data.pages[i];
                entries.push({
                  name: page[0], key: page[0].toLowerCase(), kind: "p", page: page, href: page[1],
                  tail: page[0].slice(page[0].lastIndexOf("/") + 1).toLowerCase()
                });
              }
              for (var j = 0; j < data.symbols.length; j++) {
                var symbol = data.symbols[j];
                var owner = data.pages[symbol[2]];
                var last = symbol[0].lastIndexOf(".");
                entries.push({
                  name: symbol[0], key: symbol[0].toLowerCase(), kind: symbol[1], page: owner,
                  href: owner[1] + "#" + encodeURIComponent(symbol[3] || symbol[0]).replace(/%2E/gi, "."),
                  tail: symbol[0].slice(last + 1).toLowerCase()
                });
              }
              index = entries;
              then();
            };
            document.head.appendChild(script);
          }
          function score(entry, query, terms) {
            var haystack = entry.key + " " + entry.page[0].toLowerCase();
            for (var i = 0; i < terms.length; i++) if (haystack.indexOf(terms[i]) < 0) return -1;
            var s;
            if (entry.key === query || entry.tail === query) s = 0;
            else if (entry.tail.indexOf(query) === 0) s = 1;
            else if (entry.key.indexOf(query) === 0) s = 2;
            else if (entry.key.indexOf(query) >= 0) s = 3;
            else s = 4;
            if (entry.page[2] !== "l") s += 5;
            return s;
          }
          function search(text) {
            var query = text.trim().toLowerCase();
            if (!query || !index) return [];
            var terms = query.split(/\s+/);
            var hits = [];
            for (var i = 0; i < index.length; i++) {
              var s = score(index[i], query, terms);
              if (s >= 0) hits.push([s, index[i]]);
            }
            hits.sort(function (a, b) {
              return a[0] - b[0] || a[1].name.length - b[1].name.length || (a[1].name < b[1].name ? -1 : a[1].name > b[1].name ? 1 : 0);
            });
            return hits.slice(0, 30).map(function (hit) { return hit[1]; });
          }
          function buildSearch() {
            var box = document.getElementById("docgen-search");
            var input = document.getElementById("docgen-search-input");
            var results = document.getElementById("docgen-search-results");
            if (!box || !input || !results) return;
            box.hidden = false;
            var selected = -1;
            function show() {
              var hits = search(input.value);
              results.textContent = "";
              selected = -1;
              for (var i = 0; i < hits.length; i++) {
                var li = el("li");
                li.setAttribute("role", "option");
                var a = el("a");
                a.href = root + hits[i].href;
                a.appendChild(el("span", "result-name", hits[i].name));
                a.appendChild(el("span", "result-kind", KINDS[hits[i].kind] || ""));
                if (hits[i].kind !== "p") a.appendChild(el("span", "result-page", hits[i].page[0]));
                li.appendChild(a);
                results.appendChild(li);
              }
              if (!hits.length && input.value.trim()) results.appendChild(el("li", "result-none", index ? "No matches" : "Loading…"));
              results.hidden = !input.value.trim();
            }
            function move(step) {
              var items = results.querySelectorAll("a");
              if (!items.length) return;
              selected = (selected + step + items.length) % items.length;
              for (var i = 0; i < items.length; i++) items[i].classList.toggle("selected", i === selected);
              items[selected].scrollIntoView({ block: "nearest" });
            }
            input.addEventListener("focus", function () { loadIndex(show); });
            input.addEventListener("input", function () { loadIndex(show); show(); });
            input.addEventListener("keydown", function (event) {
              if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
              else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
              else if (event.key === "Enter") {
                var items = results.querySelectorAll("a");
                var target = items[selected >= 0 ? selected : 0];
                if (target) { window.location.href = target.href; results.hidden = true; }
                event.preventDefault();
              } else if (event.key === "Escape") { results.hidden = true; input.blur(); }
            });
            results.addEventListener("click", function () { results.hidden = true; });
            document.addEventListener("keydown", function (event) {
              if (event.key === "/" && document.activeElement !== input) { input.focus(); event.preventDefault(); }
            });
            document.addEventListener("click", function (event) { if (!box.contains(event.target)) results.hidden = true; });
          }

          // ---- Table of contents ---------------------------------------------------------------------------
          function tidyTOC() {
            var toc = document.getElementById("docgen-toc");
            if (toc && window.matchMedia("(max-width: 1100px)").matches) toc.open = false;
          }

          buildToggle();
          buildSidebar();
          buildSearch();
          tidyTOC();
          body.classList.add("js");
        })();
        """#
}
