// nigao serve: the page. Plain JavaScript, no build step. The form is built from the
// profile question table the server sends (/api/spec), so a new profile field appears here
// by itself; every check and every draft is done by the server's library code.
"use strict";

const $ = (sel) => document.querySelector(sel);
const state = { spec: null, profile: {}, name: "my-plan", timer: null, seq: 0, job: null };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function say(text, kind = "") {
  const box = $("#status");
  box.textContent = text;
  box.className = kind;
}

async function api(url, options = {}) {
  const init = { method: options.body !== undefined || options.form ? "POST" : "GET", headers: {} };
  if (options.form) init.body = options.form;
  else if (options.body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(url, init);
  if (options.raw && response.ok) return response;
  let data = {};
  try { data = await response.json(); } catch (e) { data = { error: `服务器返回了无法读取的内容（${response.status}）` }; }
  data.status = response.status;
  return data;
}

// ------------------------------------------------------------------ paths in the profile

function parsePath(path) {
  const parts = [];
  for (const piece of path.split(".")) {
    const m = piece.match(/^([^[]*)((?:\[\d+\])*)$/);
    if (m[1]) parts.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) parts.push(Number(idx[1]));
  }
  return parts;
}

function getAt(path) {
  let value = state.profile;
  for (const part of parsePath(path)) {
    if (value === undefined || value === null) return undefined;
    value = value[part];
  }
  return value;
}

function setAt(path, value) {
  const parts = parsePath(path);
  let node = state.profile;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) { node[part] = value; return; }
    if (node[part] === undefined || node[part] === null || typeof node[part] !== "object") {
      node[part] = typeof parts[i + 1] === "number" ? [] : {};
    }
    node = node[part];
  });
}

function join(base, key) {
  if (typeof key === "number") return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

// ------------------------------------------------------------------ the form

function resolve(field) {
  if (field.type.startsWith("ref:")) {
    return { ...state.spec.refs[field.type.slice(4)], key: field.key, desc: field.desc };
  }
  return field;
}

function labelFor(field, path) {
  const f = resolve(field);
  return el("label", { for: `f-${path}` }, title(f), " ", el("span", { class: "desc" }, f.desc === f.name ? "" : f.desc));
}

function title(f) {
  // the Chinese name a clerk knows, the YAML key beside it (the file stays readable)
  return el("span", {}, f.name || f.key, f.name ? el("span", { class: "key" }, ` ${f.key}`) : null,
    f.required ? el("span", { class: "req" }, " *") : null);
}

function scalarInput(field, path) {
  const value = getAt(path);
  const example = field.example !== undefined ? `例如：${typeof field.example === "object" ? JSON.stringify(field.example) : field.example}` : "";
  const common = { id: `f-${path}`, name: path, "data-path": path };
  let input;
  if (field.widget === "select") {
    input = el("select", common, el("option", { value: "" }, "（请选择）"),
      field.choices.map((c) => el("option", { value: c, selected: c === value },
        state.spec.names[c] ? `${state.spec.names[c]}（${c}）` : c)));
    input.addEventListener("change", () => { setAt(path, input.value); changed(); });
    return input;
  }
  if (field.widget === "checkbox") {
    input = el("input", { ...common, type: "checkbox", checked: value === true });
    input.addEventListener("change", () => { setAt(path, input.checked); changed(); });
    return input;
  }
  if (field.widget === "textarea") {
    input = el("textarea", { ...common, placeholder: example });
    input.value = value === undefined || value === null ? "" : String(value);
  } else {
    input = el("input", { ...common, type: "text", placeholder: example });
    input.value = value === undefined || value === null ? "" : String(value);
  }
  input.addEventListener("input", () => {
    let v = input.value;
    if (field.widget === "number" && /^\d+$/.test(v.trim())) v = Number(v.trim());
    setAt(path, v);
    changed();
  });
  return input;
}

function renderField(field, path) {
  const f = resolve(field);
  const box = el("div", { class: "fld", "data-key": path });
  const value = getAt(path);
  if (f.widget === "group") {
    if (typeof value === "string") { // a one-line form the YAML allows (王明（局长）)
      box.append(labelFor(f, path), scalarInput({ ...f, widget: "text" }, path));
      return box;
    }
    const set = el("fieldset", {}, el("legend", {}, title(f), " ", el("span", { class: "desc" }, f.desc === f.name ? "" : f.desc)));
    for (const child of f.fields || []) set.append(renderField(child, join(path, child.key)));
    box.append(set);
    return box;
  }
  if (f.widget === "list") {
    const list = Array.isArray(value) ? value : [];
    const set = el("fieldset", {}, el("legend", {}, title(f), " ", el("span", { class: "desc" }, f.desc === f.name ? "" : f.desc)));
    list.forEach((_item, i) => {
      const itemPath = join(path, i);
      const item = el("div", { class: "item" },
        el("button", { type: "button", class: "remove", title: "删去这一项",
          onclick: () => { list.splice(i, 1); setAt(path, list); rerender(); changed(); } }, "删去"),
        renderField({ ...f.item, key: `${i + 1}` }, itemPath));
      set.append(item);
    });
    set.append(el("button", { type: "button", class: "add", "data-add": path,
      onclick: () => { list.push(blank(resolve(f.item))); setAt(path, list); rerender(); } }, `＋ 添加${(resolve(f.item).desc || "").length <= 12 ? resolve(f.item).desc || "一项" : "一项"}`));
    box.append(set);
    return box;
  }
  if (f.widget === "pairs") {
    const map = value && typeof value === "object" ? value : {};
    const set = el("fieldset", {}, el("legend", {}, title(f), " ", el("span", { class: "desc" }, f.desc === f.name ? "" : f.desc)));
    const fixed = new Set((f.fields || []).map((c) => c.key));
    for (const child of f.fields || []) set.append(renderField(child, join(path, child.key)));
    for (const key of Object.keys(map).filter((k) => !fixed.has(k))) {
      const keyInput = el("input", { type: "text", value: key, placeholder: f.keyDesc || "名称" });
      const valueInput = el("input", { type: "text", id: `f-${join(path, key)}`, "data-path": join(path, key) });
      valueInput.value = map[key] === null ? "" : String(map[key]);
      keyInput.addEventListener("change", () => {
        const renamed = {};
        for (const [k, v] of Object.entries(map)) renamed[k === key ? keyInput.value.trim() : k] = v;
        setAt(path, renamed); rerender(); changed();
      });
      valueInput.addEventListener("input", () => {
        const v = valueInput.value;
        map[key] = /^\d+$/.test(v.trim()) ? Number(v.trim()) : v;
        setAt(path, map); changed();
      });
      set.append(el("div", { class: "fld", "data-key": join(path, key) }, el("div", { class: "pair" }, keyInput, valueInput,
        el("button", { type: "button", onclick: () => { delete map[key]; setAt(path, map); rerender(); changed(); } }, "删去"))));
    }
    set.append(el("button", { type: "button", class: "add", onclick: () => {
      const key = prompt(`新的${f.keyDesc || "名称"}：`);
      if (key && key.trim()) { map[key.trim()] = ""; setAt(path, map); rerender(); }
    } }, `＋ 添加${f.keyDesc || "一项"}`));
    box.append(set);
    return box;
  }
  box.append(labelFor(f, path), scalarInput(f, path));
  return box;
}

function blank(field) {
  if (field.widget === "group") return {};
  if (field.widget === "list") return [];
  return "";
}

function rerender() {
  const form = $("#profile-form");
  const scroll = form.parentElement.scrollTop;
  form.replaceChildren(...state.spec.fields.map((f) => renderField(f, f.key)));
  form.parentElement.scrollTop = scroll;
}

function changed() {
  clearTimeout(state.timer);
  state.timer = setTimeout(preview, 350);
}

// ------------------------------------------------------------------ preview, check, skeletons

function showErrors(errors) {
  document.querySelectorAll(".fld.bad").forEach((n) => n.classList.remove("bad"));
  document.querySelectorAll(".fld > .err").forEach((n) => n.remove());
  const general = [];
  for (const e of errors || []) {
    let node = null;
    let key = e.key;
    while (key && !node) {
      node = document.querySelector(`.fld[data-key="${CSS.escape(key)}"]`);
      key = key.includes(".") || key.includes("[") ? key.replace(/(\.[^.[\]]*|\[\d+\])$/, "") : "";
    }
    if (node) {
      node.classList.add("bad");
      node.append(el("div", { class: "err" }, e.message));
    } else general.push(e.key ? `${e.key}：${e.message}` : e.message);
  }
  $("#form-errors").replaceChildren(...general.map((m) => el("div", {}, m)));
}

async function preview() {
  const seq = ++state.seq;
  const data = await api("/api/draft", { body: { name: state.name, profile: state.profile } });
  if (seq !== state.seq) return; // a newer edit is on its way
  if (data.status !== 200) {
    showErrors(data.errors || []);
    say(data.errors ? `配置有 ${data.errors.length} 处需要修改（见左侧红字），预览未更新` : data.error, "bad");
    return;
  }
  showErrors([]);
  $("#pages").innerHTML = data.html;
  const findings = $("#findings");
  findings.replaceChildren(...data.findings.map((f) => el("li", {
    class: f.severity, "data-target": f.target,
    onclick: () => jump(f.target),
  }, `${f.severity === "error" ? "错误" : "提示"}（${f.rule}）：${f.message}`, el("span", { class: "fix" }, f.suggestion ? ` — ${f.suggestion}` : ""))));
  const parts = [];
  parts.push(data.unfilled.length ? `还有 ${data.unfilled.length} 处待填（黄色标出）` : "没有待填内容");
  parts.push(data.findings.length ? `校对发现 ${data.findings.length} 处（点击定位）` : "校对未发现问题");
  if (data.checkError) parts.push(`校对未完成：${data.checkError}`);
  for (const d of data.defaults) parts.push(`${d.path} 用默认骨架 ${d.skeleton}`);
  $("#summary").replaceChildren(el("div", {}, parts.join("；")), ...data.notes.map((n) => el("div", { class: "hint" }, `提示：${n}`)));
  renderSkeletons(data.sections);
  say(`预览已更新（${new Date().toLocaleTimeString()}）`, "good");
}

function jump(target) {
  const node = target && document.getElementById(target);
  if (!node) return;
  switchSub("pages");
  node.scrollIntoView({ block: "center" });
  node.classList.add("flash");
  setTimeout(() => node.classList.remove("flash"), 1600);
}

function renderSkeletons(sections) {
  const box = $("#skeletons");
  const compare = [];
  box.replaceChildren(...sections.map((s) => {
    const cards = s.candidates.map((c) => el("div", { class: `card${c.id === s.current ? " current" : ""}`, "data-skeleton": c.id },
      el("div", {}, el("span", { class: "id" }, c.id), c.default ? el("span", { class: "badge" }, "默认") : null,
        c.id === s.current ? el("span", { class: "badge" }, "正在用") : null),
      el("div", { class: "meta" }, `标题：${c.heading || "—"}　${c.chars} 字　${c.origin}`),
      el("div", { class: "opening" }, c.opening),
      el("div", { class: "meta" }, `来源：${c.title || c.source || "—"}`),
      c.topic.length ? el("div", { class: "meta" }, `主题词：${c.topic.join("、")}`) : null,
      el("div", { class: "meta" }, "需要：", c.slots.length ? c.slots.map((x) => el("span", { class: x.given ? "have" : "need" }, `${x.label}${x.given ? "✓" : "（未填）"}　`)) : "无"),
      el("div", { class: "actions" },
        el("button", { type: "button", class: "pick", "data-path": s.path, "data-id": c.id, disabled: c.id === s.current,
          onclick: () => pick(s.path, c.id) }, "选用"),
        el("button", { type: "button", onclick: () => showFull([c.id]) }, "全文"),
        el("label", {}, el("input", { type: "checkbox", onchange: (e) => {
          if (e.target.checked) compare.push(c.id); else compare.splice(compare.indexOf(c.id), 1);
          if (compare.length === 2) {
            showFull(compare.splice(0));
            box.querySelectorAll(".card input[type=checkbox]").forEach((x) => { x.checked = false; });
          }
        } }), "比较"))));
    const own = s.own ? el("button", { type: "button", onclick: () => pick(s.path, "") }, "不用骨架，只用自写内容") : null;
    return el("div", { class: "section-row", "data-path": s.path },
      el("h3", {}, `${s.roleName}（${s.path}）`, s.current ? `：${s.current}${s.isDefault ? "（默认）" : ""}` : "：只用自写内容", " ", own),
      cards.length ? el("div", { class: "cards" }, cards) : el("p", { class: "hint" }, "骨架库里没有这一角色的骨架。"));
  }));
}

function pick(path, id) {
  setAt(`${path}.skeleton`, id || undefined);
  if (!id) delete getAt(path).skeleton;
  rerender();
  say(id ? `${path} 改用骨架 ${id}，正在更新预览…` : `${path} 不用骨架`);
  preview();
}

async function showFull(ids) {
  const parts = [];
  for (const id of ids) {
    const s = await api(`/api/skeleton/${encodeURIComponent(id)}`);
    if (s.error) { say(s.error, "bad"); return; }
    parts.push(el("div", {}, el("h3", {}, `${s.id}（${s.roleName}）`), el("div", { class: "meta" }, `来源：${s.title || s.source}`),
      el("div", { class: "full" }, (s.heading ? `【${s.heading}】\n` : "") + s.body)));
  }
  $("#viewer-body").replaceChildren(el("div", { class: "compare" }, parts));
  $("#viewer").showModal();
}

// ------------------------------------------------------------------ files

async function download(fmt, view = false) {
  say(fmt === "pdf" ? "正在生成 PDF（需要 LibreOffice，约需几秒）…" : "正在生成…");
  const response = await fetch(`/api/export/${fmt}`, { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: state.name, profile: state.profile }) });
  if (!response.ok) {
    let data = {};
    try { data = await response.json(); } catch (e) { /* keep the generic message */ }
    showErrors(data.errors || []);
    say(data.error || "下载失败", "bad");
    return;
  }
  const blob = await response.blob();
  if (view) { window.open(URL.createObjectURL(blob), "_blank"); say("PDF 已在新标签页打开", "good"); return; }
  const a = el("a", { href: URL.createObjectURL(blob), download: `${state.name}.${fmt}` });
  document.body.append(a);
  a.click();
  a.remove();
  say(`已下载 ${state.name}.${fmt}`, "good");
}

function loaded(data) {
  if (data.error) { say(data.error, "bad"); return; }
  state.profile = data.profile;
  state.name = data.name;
  $("#profile-name").value = data.name;
  rerender();
  say(`已打开 ${data.name}`, "good");
  preview();
}

async function saveProfile(force = false) {
  state.name = $("#profile-name").value.trim() || "my-plan";
  const data = await api("/api/profile/save", { body: { name: state.name, profile: state.profile, force } });
  if (data.status === 409 && data.exists) {
    if (confirm(data.error)) return saveProfile(true);
    say("未保存", "bad");
    return;
  }
  if (data.error) { say(data.error, "bad"); return; }
  say(`已保存：${data.saved}（命令行同样可用：nigao new ${data.saved}）`, "good");
  refreshList(data.name);
}

async function saveDraft(force = false) {
  const data = await api("/api/save-draft", { body: { name: state.name, profile: state.profile, force } });
  if (data.status === 409 && data.exists) {
    if (confirm(data.error)) return saveDraft(true);
    say("未保存", "bad");
    return;
  }
  if (data.error) { showErrors(data.errors || []); say(data.error, "bad"); return; }
  say(`已生成：${data.saved.join("、")}（改好 .md 后可运行 nigao export ${data.saved[0]} --force）`, "good");
}

async function refreshList(selected) {
  const data = await api("/api/profiles");
  const list = $("#profile-list");
  list.replaceChildren(el("option", { value: "" }, "（选择 profiles/ 里的文件）"),
    ...(data.profiles || []).map((p) => el("option", { value: p, selected: p === selected }, `${p}.yaml`)));
}

// ------------------------------------------------------------------ batch

function batchForm() {
  const file = $("#units-file").files[0];
  if (!file) { say("请先选择单位清单文件", "bad"); return null; }
  const form = new FormData();
  form.append("units", file);
  form.append("payload", JSON.stringify({ name: state.name, profile: state.profile, nameBy: $("#name-by").value }));
  return form;
}

function rowsTable(rows, columns) {
  $("#units-table").replaceChildren(el("tr", {}, columns.map((c) => el("th", {}, c[0]))),
    ...rows.map((r) => el("tr", { class: r.ok === false || r.status === "failed" ? "bad" : "" }, columns.map((c) => el("td", {}, c[1](r))))));
}

async function checkUnits() {
  const form = batchForm();
  if (!form) return;
  const data = await api("/api/batch/check", { form });
  if (data.error) { say(data.error, "bad"); return; }
  const bad = data.rows.filter((r) => !r.ok).length;
  rowsTable(data.rows, [["行", (r) => r.line], ["文件名", (r) => r.name], ["检查", (r) => (r.ok ? "可以生成" : r.message)]]);
  say(`清单共 ${data.rows.length} 行，${bad ? `${bad} 行有误（其余照常生成）` : "都可以生成"}`, bad ? "bad" : "good");
}

async function runUnits() {
  const form = batchForm();
  if (!form) return;
  $("#batch-zip").hidden = true;
  const data = await api("/api/batch/run", { form });
  if (data.error) { say(data.error, "bad"); return; }
  const bar = $("#batch-progress");
  bar.hidden = false; bar.max = Math.max(1, data.total); bar.value = 0;
  say("正在批量拟稿…");
  const poll = async () => {
    const s = await api(`/api/batch/${data.job}`);
    bar.value = s.done;
    $("#batch-count").textContent = `${s.done} / ${s.total}`;
    if (!s.finished) { setTimeout(poll, 250); return; }
    if (s.error) { say(s.error, "bad"); return; }
    rowsTable(s.rows, [["行", (r) => r.line], ["文件名", (r) => r.name],
      ["结果", (r) => ({ written: "已生成", failed: "失败", skipped: "跳过" })[r.status] + (r.markers ? `（${r.markers} 处待填）` : "")],
      ["说明", (r) => [r.message, ...r.findings].filter(Boolean).join("；")]]);
    const zip = $("#batch-zip");
    zip.href = `/api/batch/${data.job}/zip`;
    zip.hidden = false;
    const failed = s.rows.filter((r) => r.status === "failed").length;
    say(`批量拟稿完成：${s.rows.length - failed} 份已生成${failed ? `，${failed} 行失败（见表）` : ""}`, failed ? "bad" : "good");
  };
  poll();
}

// ------------------------------------------------------------------ my library

async function uploadSamples(force = false) {
  const files = $("#samples").files;
  if (!files.length) { say("请先选择范文文件", "bad"); return; }
  const form = new FormData();
  for (const f of files) form.append("files", f);
  if (force) form.append("force", "1");
  say("正在整理范文…");
  const data = await api("/api/library/upload", { form });
  if (data.status === 409 && data.exists) {
    if (confirm(data.error)) return uploadSamples(true);
    say("未上传", "bad");
    return;
  }
  if (data.error) { say(data.error, "bad"); return; }
  $("#samples-table").replaceChildren(el("tr", {}, el("th", {}, "文件"), el("th", {}, "标题"), el("th", {}, "整理出的骨架")),
    ...data.rows.map((r) => el("tr", { class: r.error ? "bad" : "" }, el("td", {}, r.document), el("td", {}, r.title || ""),
      el("td", {}, r.error || r.skeletons.join("、") || "（没有可用的章节）"))),
    ...data.problems.map((p) => el("tr", { class: "bad" }, el("td", { colspan: 3 }, p))));
  say(`已整理到 ${data.folder}`, "good");
  if (Object.keys(state.profile).length) preview();
}

// ------------------------------------------------------------------ wiring

function switchSub(name) {
  document.querySelectorAll(".subtabs button[data-sub]").forEach((b) => b.classList.toggle("on", b.dataset.sub === name));
  document.querySelectorAll(".sub").forEach((s) => s.classList.toggle("on", s.id === `sub-${name}`));
}

async function start() {
  state.spec = await api("/api/spec");
  if (state.spec.error) { say(state.spec.error, "bad"); return; }
  state.profile = { kind: "plan", sections: [] };
  rerender();
  await refreshList();
  document.querySelectorAll(".tabs button").forEach((b) => b.addEventListener("click", () => {
    document.querySelectorAll(".tabs button").forEach((x) => x.classList.toggle("on", x === b));
    document.querySelectorAll(".tab").forEach((t) => t.classList.toggle("on", t.id === `tab-${b.dataset.tab}`));
  }));
  document.querySelectorAll(".subtabs button[data-sub]").forEach((b) => b.addEventListener("click", () => switchSub(b.dataset.sub)));
  $("#open-profile").addEventListener("click", async () => {
    const name = $("#profile-list").value;
    if (!name) { say("请先在列表里选择一个配置文件", "bad"); return; }
    loaded(await api(`/api/profile?name=${encodeURIComponent(name)}`));
  });
  $("#upload-profile").addEventListener("change", async (e) => {
    const form = new FormData();
    form.append("file", e.target.files[0]);
    loaded(await api("/api/profile/upload", { form }));
    e.target.value = "";
  });
  $("#profile-name").addEventListener("change", () => { state.name = $("#profile-name").value.trim() || "my-plan"; });
  $("#save-profile").addEventListener("click", () => saveProfile());
  $("#dl-docx").addEventListener("click", () => download("docx"));
  $("#dl-md").addEventListener("click", () => download("md"));
  $("#dl-pdf").addEventListener("click", () => download("pdf"));
  $("#view-pdf").addEventListener("click", () => download("pdf", true));
  $("#save-draft").addEventListener("click", () => saveDraft());
  $("#units-check").addEventListener("click", checkUnits);
  $("#units-run").addEventListener("click", runUnits);
  $("#samples-upload").addEventListener("click", () => uploadSamples());
  $("#units-file").addEventListener("change", (e) => { $("#units-name").textContent = e.target.files[0] ? e.target.files[0].name : ""; });
  $("#samples").addEventListener("change", (e) => { $("#samples-names").textContent = [...e.target.files].map((f) => f.name).join("、"); });
  say("请在上方选择一个配置文件并点“打开”，或从电脑载入，或直接在左侧填写。");
}

start();
