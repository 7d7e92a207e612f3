/* Claim Atlas map: draws the base map and the claim markers from JSON data.
 *
 * Python (atlas.mapbuild) calls two functions, each with plain JSON:
 *   ClaimAtlas.setup(map, config)   once per map: outlines, place names, legend, tiles notice, view
 *   ClaimAtlas.places(layer, data)  each time the shown claims or the selection change
 * Article text only ever reaches the page through textContent (never parsed as HTML), so nothing in
 * an article can become markup or script. Side colours come from the conflict profile (data).
 */
(function () {
  "use strict";

  var NS = {};
  var clickSeq = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function styleOf(palette, side) {
    return palette[side] || palette.unknown;
  }

  // -- marker drawing --------------------------------------------------------------------------

  /* The round body of a marker or cluster: one side → its fill with the count in the side's
     text colour; several sides → a ring split by side around a white disk with the count. */
  function dot(palette, segments, count, size) {
    var body = el("div", "ca-dot");
    body.style.width = size + "px";
    body.style.height = size + "px";
    var label = count > 1 ? String(count) : "";
    if (segments.length === 1) {
      var s = styleOf(palette, segments[0][0]);
      body.style.backgroundColor = s.fill;
      body.style.color = s.text;
      if (s.hatched) {
        body.style.backgroundImage = "repeating-linear-gradient(45deg, rgba(0,0,0,0) 0 4px, " +
          "rgba(0,0,0,.22) 4px 7px)";
      }
      if (label) { body.appendChild(el("span", "ca-count", label)); }
      body.setAttribute("data-sides", segments[0][0]);
      return body;
    }
    var total = 0, at = 0, stops = [];
    segments.forEach(function (seg) { total += seg[1]; });
    segments.forEach(function (seg) {
      var colour = styleOf(palette, seg[0]).fill;
      var from = (100 * at / total).toFixed(2), to = (100 * (at + seg[1]) / total).toFixed(2);
      stops.push(colour + " " + from + "% " + to + "%");
      at += seg[1];
    });
    body.style.backgroundColor = "#ffffff";
    body.style.backgroundImage = "conic-gradient(" + stops.join(", ") + ")";
    body.appendChild(el("span", "ca-num", count));
    body.setAttribute("data-sides", segments.map(function (x) { return x[0]; }).join(" "));
    return body;
  }

  function tipContent(p) {
    var box = el("div", "ca-tip");
    box.appendChild(el("b", null, p.name));
    p.tip.forEach(function (line) { box.appendChild(el("div", null, line)); });
    box.appendChild(el("div", "ca-tip-hint", "Click or press Enter for its claims"));
    return box;
  }

  // -- base map --------------------------------------------------------------------------------

  function outlineStyle(noTiles) {
    return noTiles
      ? {color: "#5f6b78", weight: 1, opacity: 0.9, fillColor: "#fbfaf7", fillOpacity: 1}
      : {color: "#5f6b78", weight: 1.2, opacity: 0.8, fillOpacity: 0};
  }

  function countryStyle(noTiles) {
    return noTiles
      ? {color: "#3d4752", weight: 1.8, opacity: 0.9, fillColor: "#fbfaf7", fillOpacity: 1}
      : {color: "#3d4752", weight: 2, opacity: 0.8, fillOpacity: 0};
  }

  function addLabels(map, cfg) {
    var pane = map.createPane("ca-labels");
    pane.style.zIndex = 450;
    pane.style.pointerEvents = "none";
    var items = cfg.labels.map(function (row) {
      var tier = cfg.tiers[row[3]];
      var span = el("span", null, row[0]);
      var icon = L.divIcon({className: "ca-label ca-label-" + tier.name, html: span,
                            iconSize: null});
      var marker = L.marker([row[1], row[2]], {icon: icon, interactive: false, keyboard: false,
                                               pane: "ca-labels"});
      return {marker: marker, name: row[0], tier: tier, width: 0, height: 0, shown: false};
    });
    var layer = L.layerGroup(items.map(function (i) { return i.marker; })).addTo(map);
    function declutter() {
      var zoom = map.getZoom(), size = map.getSize(), taken = [];
      items.forEach(function (item) {
        var node = item.marker.getElement();
        if (!node) { return; }
        var p = map.latLngToContainerPoint(item.marker.getLatLng());
        var show = zoom >= item.tier.minZoom && p.x > -50 && p.y > -20 &&
          p.x < size.x + 50 && p.y < size.y + 20;
        if (show) {
          node.classList.remove("ca-hidden");
          if (!item.width) {
            var span = node.firstChild;
            item.width = span.offsetWidth + 6;
            item.height = span.offsetHeight + 2;
          }
          var box = [p.x - item.width / 2, p.y - item.height / 2,
                     p.x + item.width / 2, p.y + item.height / 2];
          show = !taken.some(function (b) {
            return box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1];
          });
          if (show) { taken.push(box); }
        }
        node.classList.toggle("ca-hidden", !show);
        node.setAttribute("data-label", item.name);
        item.shown = show;
      });
    }
    map.on("zoomend moveend resize", declutter);
    setTimeout(declutter, 0);
    return {layer: layer, declutter: declutter};
  }

  function legendRow(list, swatch, text) {
    var li = el("li");
    li.appendChild(swatch);
    li.appendChild(el("span", null, text));
    list.appendChild(li);
  }

  function addLegend(map, cfg) {
    var legend = L.control({position: "topright"}), node = null;
    legend.onAdd = function () {
      var box = L.DomUtil.create("details", "ca-legend");
      node = box;
      box.appendChild(el("summary", null, "Claims by side"));
      var list = el("ul");
      cfg.sides.forEach(function (side) {
        var s = styleOf(cfg.palette, side), i = el("i");
        i.style.backgroundColor = s.fill;
        if (s.hatched) {
          i.style.backgroundImage = "repeating-linear-gradient(45deg, rgba(0,0,0,0) 0 3px, " +
            "rgba(0,0,0,.22) 3px 5px)";
        }
        legendRow(list, i, s.label);
      });
      var ring = el("i");
      ring.style.backgroundImage = "conic-gradient(" + cfg.sides.slice(0, 3).map(function (s, n) {
        return styleOf(cfg.palette, s).fill + " " + (n * 33.4) + "% " + ((n + 1) * 33.4) + "%";
      }).join(", ") + ")";
      legendRow(list, ring, "several sides (ring split by side)");
      cfg.legend.forEach(function (row) { legendRow(list, el("i", row[0], row[2]), row[1]); });
      box.appendChild(list);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    legend.addTo(map);
    return node;
  }

  function showNotice(map, text, onRetry) {
    var box = map.getContainer().querySelector(".ca-notice");
    if (box) { return box; }
    box = el("div", "ca-notice");
    box.setAttribute("role", "status");
    box.appendChild(el("span", null, text));
    var retry = el("button", "ca-notice-retry", "Retry");
    retry.type = "button";
    retry.title = "Try loading the map tiles again";
    var close = el("button", "ca-notice-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Dismiss");
    close.title = "Dismiss";
    box.appendChild(retry);
    box.appendChild(close);
    L.DomEvent.disableClickPropagation(box);
    retry.addEventListener("click", function () { box.remove(); onRetry(); });
    close.addEventListener("click", function () { box.remove(); });
    map.getContainer().appendChild(box);
    return box;
  }

  /* Tiles that fail (no network) are removed so they stop failing, the outlines are filled so
     the map still reads, and a dismissible notice says so. Tiles that load are kept. */
  function watchTiles(map, cfg, outlines, countries) {
    var tiles = [];
    map.eachLayer(function (layer) { if (layer instanceof L.TileLayer) { tiles.push(layer); } });
    var container = map.getContainer();
    function offline(on) {
      container.classList.toggle("ca-no-tiles", on);
      outlines.setStyle(outlineStyle(on));
      countries.setStyle(countryStyle(on));
    }
    if (!tiles.length) { offline(true); return; }
    offline(false);
    tiles.forEach(function (layer) {
      var loaded = false, failed = false;
      layer.on("tileload", function () {
        loaded = true;
        container.setAttribute("data-tiles", "loaded");
      });
      layer.on("tileerror", function () {
        if (loaded || failed) { return; }
        failed = true;
        container.setAttribute("data-tiles", "failed");
        map.removeLayer(layer);
        offline(true);
        showNotice(map, cfg.strings.tilesFailed, function () {
          failed = false;
          offline(false);
          layer.addTo(map);
        });
      });
    });
  }

  /* Fit the claims into the part of the map the legend leaves free. */
  function fitView(map, bounds, legend) {
    var fit = function () {
      var box = legend.getBoundingClientRect(), size = map.getSize();
      var right = box.width && box.width < size.x / 2 ? box.width + 20 : 30;
      map.fitBounds(bounds, {paddingTopLeft: [30, 30], paddingBottomRight: [right, 30],
                             maxZoom: 10, animate: false});
    };
    var started = Date.now(), userMoved = false;
    map.on("dragstart", function () { userMoved = true; });
    map.getContainer().addEventListener("wheel", function () { userMoved = true; },
                                        {passive: true});
    var userToggled = false;
    legend.querySelector("summary").addEventListener("click", function () { userToggled = true; });
    var early = function () { return !userMoved && !map._caSelected && Date.now() - started < 5000; };
    var autoLegend = function () {
      if (!userToggled) { legend.open = map.getSize().x >= 760; }
    };
    map.on("resize", function () { if (early()) { autoLegend(); fit(); } });
    legend.addEventListener("toggle", function () { if (early()) { fit(); } });
    autoLegend();
    fit();
  }

  NS.setup = function (map, cfg) {
    L.Icon.Default.imagePath = cfg.imagePath;
    map.attributionControl.setPrefix(cfg.attributionPrefix);
    map.attributionControl.addAttribution(cfg.attribution);
    var pane = map.createPane("ca-outlines");
    pane.style.zIndex = 350;
    var countries = L.geoJSON(cfg.countries, {interactive: false, pane: "ca-outlines",
                                              className: "ca-country", style: countryStyle(true)});
    countries.addTo(map);  // under the provinces: added first, same pane
    var outlines = L.geoJSON(cfg.outlines, {interactive: false, pane: "ca-outlines",
                                            className: "ca-outline", style: outlineStyle(true)});
    outlines.addTo(map);
    map._ca = {cfg: cfg, labels: addLabels(map, cfg)};
    var legend = addLegend(map, cfg);
    watchTiles(map, cfg, outlines, countries);
    fitView(map, cfg.bounds, legend);
    if (window.ResizeObserver) {  // the page may resize the frame after the map is drawn
      new ResizeObserver(function () { map.invalidateSize({pan: false}); })
        .observe(map.getContainer());
    }
  };

  // -- claim markers ---------------------------------------------------------------------------

  function clusterIcon(palette) {
    return function (cluster) {
      var n = 0, keys = [], counts = {}, order = [];
      cluster.getAllChildMarkers().forEach(function (m) {
        var p = m.options.caPlace;
        n += p.n;
        keys.push(p.key);
        p.segments.forEach(function (seg) {
          if (!(seg[0] in counts)) { counts[seg[0]] = 0; order.push(seg[0]); }
          counts[seg[0]] += seg[1];
        });
      });
      order.sort(function (a, b) { return palette._order[a] - palette._order[b]; });
      var size = Math.floor(Math.min(44, 24 + 5 * Math.log2(Math.max(n, 1))));
      var body = dot(palette, order.map(function (s) { return [s, counts[s]]; }), n, size);
      if (!body.querySelector(".ca-count, .ca-num")) {
        body.appendChild(el("span", "ca-count", n));
      }
      var wrap = el("div");
      wrap.appendChild(body);
      wrap.setAttribute("data-places", keys.join(" "));
      wrap.setAttribute("data-count", String(n));
      return L.divIcon({className: "ca-cluster", html: wrap, iconSize: [size, size]});
    };
  }

  function markerFor(p, palette, onSelect) {
    var body = dot(palette, p.segments, p.n, p.size);
    if (p.disputed) {
      var badge = el("span", "ca-badge", "!");
      badge.setAttribute("aria-hidden", "true");
      body.appendChild(badge);
    }
    if (p.reviewed === "all" || p.reviewed === "some") {
      var check = el("span", "ca-rv-badge ca-rv-" + p.reviewed, "\u2713");
      check.setAttribute("aria-hidden", "true");
      body.appendChild(check);
    }
    var icon = L.divIcon({className: "ca-marker ca-" + p.dating, html: body,
                          iconSize: [p.size, p.size]});
    var marker = L.marker([p.lat, p.lon], {icon: icon, riseOnHover: true, caPlace: p,
      keyboard: true, zIndexOffset: p.radius_m ? -Math.round(Math.log(p.radius_m) * 20) : 400});
    marker.feature = {type: "Feature", properties: {key: p.key, name: p.name, seq: 0}};
    marker.on("click", function () {
      clickSeq += 1;
      marker.feature.properties.seq = Date.now() * 100 + (clickSeq % 100);
      onSelect(p.key);
    });
    marker.on("add", function () {
      var node = marker.getElement();
      if (!node) { return; }
      node.setAttribute("data-place", p.key);
      node.setAttribute("data-side", p.side);
      node.setAttribute("data-count", String(p.n));
      node.setAttribute("data-dating", p.dating);
      node.setAttribute("data-disputed", p.disputed ? "1" : "0");
      node.setAttribute("data-reviewed", p.reviewed || "none");
      node.setAttribute("role", "button");
      node.setAttribute("aria-label", p.aria);
      if (!node._caKeys) {
        node._caKeys = true;
        node.addEventListener("keydown", function (ev) {
          if (ev.key === "Enter" || ev.key === " ") {
            ev.preventDefault();
            ev.stopPropagation();
            marker.fire("click", {latlng: marker.getLatLng(), originalEvent: ev}, true);
          }
        });
      }
    });
    marker.bindTooltip(tipContent(p), {direction: "top", offset: [0, -p.size / 2],
                                       className: "ca-tooltip", opacity: 1});
    return marker;
  }

  function highlight(map, cluster, markers, circles, key) {
    map.getContainer().querySelectorAll(".ca-selected, .ca-selected-in").forEach(function (n) {
      n.classList.remove("ca-selected");
      n.classList.remove("ca-selected-in");
    });
    Object.keys(circles).forEach(function (k) {
      var c = circles[k], on = k === key;
      c.setStyle({weight: on ? 3 : 1, opacity: on ? 0.95 : 0.6, dashArray: on ? null : "4 3"});
    });
    var marker = markers[key];
    if (!marker) { return; }
    var node = marker.getElement();
    if (node) { node.classList.add("ca-selected"); }
    var parent = cluster.getVisibleParent(marker);
    if (parent && parent !== marker && parent.getElement()) {
      parent.getElement().classList.add("ca-selected-in");
    }
    marker.setZIndexOffset(1000);
  }

  function zoomTo(map, cluster, marker, circle) {
    if (circle) {
      map.fitBounds(circle.getBounds(), {maxZoom: 11, padding: [20, 20]});
      return;
    }
    cluster.zoomToShowLayer(marker, function () {
      if (map.getZoom() < 10) { map.setView(marker.getLatLng(), 10); }
      else if (!map.getBounds().pad(-0.1).contains(marker.getLatLng())) {
        map.panTo(marker.getLatLng());
      }
    });
  }

  NS.places = function (group, data) {
    var map = group._map || window.map;
    var palette = data.palette;
    palette._order = {};
    data.sides.forEach(function (s, i) { palette._order[s] = i; });
    var markers = {}, circles = {};
    var cluster = L.markerClusterGroup({
      maxClusterRadius: 36, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
      zoomToBoundsOnClick: true, iconCreateFunction: clusterIcon(palette)
    });
    function select(key) {
      map._caClicked = key;
      highlight(map, cluster, markers, circles, key);
    }
    group.addLayer(cluster);
    data.places.forEach(function (p) {
      var s = styleOf(palette, p.side === "mixed" ? "unknown" : p.side);
      if (p.radius_m) {
        circles[p.key] = L.circle([p.lat, p.lon], {radius: p.radius_m, color: s.fill, weight: 1,
          opacity: 0.6, dashArray: "4 3", fillColor: s.fill, fillOpacity: 0.08,
          interactive: false, className: "ca-area"}).addTo(group);
      }
      markers[p.key] = markerFor(p, palette, select);
      cluster.addLayer(markers[p.key]);
    });
    var refresh = function () {
      if (!cluster._map) { return; }
      highlight(map, cluster, markers, circles, map._caSelected);
      if (map._ca && map._ca.labels) { map._ca.labels.declutter(); }
    };
    cluster.on("animationend spiderfied unspiderfied", refresh);
    map.on("zoomend", refresh);
    group.on("remove", function () { map.off("zoomend", refresh); });
    var key = data.selected;
    var changed = key !== map._caSelected;
    map._caSelected = key;
    map.getContainer().setAttribute("data-selected", key || "");
    var focus = function () {  // once the layer is on the map (the caller adds it after this)
      if (key && markers[key] && changed && map._caClicked !== key) {
        zoomTo(map, cluster, markers[key], circles[key]);
      }
      refresh();
    };
    if (group._map) { setTimeout(focus, 0); } else { group.once("add", function () { setTimeout(focus, 0); }); }
  };

  window.ClaimAtlas = NS;
})();
