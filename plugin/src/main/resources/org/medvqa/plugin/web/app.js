// medvqa web page: pick a study (or upload files), scroll and window the slices, ask, show the answer
// with its reasoning and the terminology concepts highlighted. Plain JavaScript, no build step.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { study: null, files: null, slices: [], images: [], slice: 0 };

function key() { return $('api-key').value.trim(); }

function initKey() {
  const m = location.hash.match(/key=([^&]+)/);
  if (m) {
    sessionStorage.setItem('medvqa.key', decodeURIComponent(m[1]));
    history.replaceState(null, '', location.pathname);
  }
  $('api-key').value = sessionStorage.getItem('medvqa.key') || '';
  $('api-key').addEventListener('change', () => {
    sessionStorage.setItem('medvqa.key', key());
    loadModel();
    loadStudies();
  });
}

async function api(path, options = {}) {
  const headers = Object.assign({ Authorization: 'Bearer ' + key() }, options.headers || {});
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (!response.ok) {
    let detail = response.statusText;
    try { const p = await response.json(); detail = p.detail || p.title || detail; } catch (e) { /* not JSON */ }
    throw new Error(response.status + ': ' + detail);
  }
  return response;
}

function setStatus(text, isError) {
  $('status').textContent = text;
  $('status').className = isError ? 'error' : 'muted';
}

async function loadModel() {
  try {
    const h = await (await fetch('/api/v1/health')).json();
    $('model').textContent = h.model ? 'model: ' + h.model.id + ' (' + h.model.version + ', ' + h.model.device + ')' : 'no model';
  } catch (e) {
    $('model').textContent = 'server unreachable';
  }
}

async function loadStudies() {
  const list = $('study-list');
  try {
    const studies = await (await api('/api/v1/studies')).json();
    list.replaceChildren();
    if (studies.length === 0) {
      list.innerHTML = '<li class="muted">no studies in the source</li>';
    }
    for (const s of studies) {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'study';
      b.dataset.uid = s.studyUid;
      const parts = [s.description, s.modalities || 'study'];
      if (s.instances >= 0) { parts.push(s.instances + (s.instances === 1 ? ' image' : ' images')); }
      b.textContent = parts.filter(Boolean).join(' · ');
      const uid = document.createElement('span');
      uid.className = 'uid';
      uid.textContent = '…' + s.studyUid.slice(-12); // tells studies without a description apart
      b.appendChild(uid);
      b.title = s.studyUid;
      b.addEventListener('click', () => selectStudy(s.studyUid, b));
      li.appendChild(b);
      list.appendChild(li);
    }
  } catch (e) {
    list.innerHTML = '';
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = 'no study list (' + e.message + ')';
    list.appendChild(li);
  }
}

async function selectStudy(uid, button) {
  document.querySelectorAll('#study-list button').forEach((b) => b.classList.remove('selected'));
  button.classList.add('selected');
  state.study = uid;
  state.files = null;
  setStatus('loading study…');
  try {
    const info = await (await api('/api/v1/studies/' + encodeURIComponent(uid) + '/slices')).json();
    state.slices = Array.from({ length: info.count }, (_, i) =>
      '/api/v1/studies/' + encodeURIComponent(uid) + '/slices/' + i);
    state.images = new Array(info.count);
    setSliceRange(info.count);
    await showSlice(Math.floor(info.count / 2));
    setStatus(info.modality + ', ' + info.count + ' slices');
  } catch (e) {
    setStatus(e.message, true);
  }
}

async function selectFiles(fileList) {
  state.files = Array.from(fileList);
  state.study = null;
  document.querySelectorAll('#study-list button').forEach((b) => b.classList.remove('selected'));
  if (state.files.length === 0) { return; }
  setStatus('decoding upload…');
  try {
    const form = new FormData();
    state.files.forEach((f) => form.append('files', f, f.name));
    const previews = await (await api('/api/v1/previews', { method: 'POST', body: form })).json();
    state.slices = previews.slices;
    state.images = new Array(previews.count);
    setSliceRange(previews.count);
    await showSlice(Math.floor(previews.count / 2));
    setStatus(previews.modality + ', ' + previews.count + ' slices (upload)');
  } catch (e) {
    setStatus(e.message, true);
  }
}

function setSliceRange(count) {
  $('slice-slider').max = String(Math.max(0, count - 1));
}

async function image(i) {
  if (state.images[i]) { return state.images[i]; }
  const src = state.slices[i];
  let url = src;
  if (!src.startsWith('data:')) {
    url = URL.createObjectURL(await (await api(src)).blob());
  }
  const img = new Image();
  await new Promise((resolve, reject) => { img.onload = resolve; img.onerror = reject; img.src = url; });
  state.images[i] = img;
  return img;
}

async function showSlice(i) {
  if (state.slices.length === 0) { return; }
  i = Math.max(0, Math.min(state.slices.length - 1, i));
  state.slice = i;
  $('slice-slider').value = String(i);
  $('slice-label').textContent = (i + 1) + ' / ' + state.slices.length;
  draw(await image(i));
}

// Window level/width applied to the server-windowed 8-bit slice: out = (v - (L - W/2)) / W.
function draw(img) {
  const canvas = $('image');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const level = Number($('wl').value);
  const width = Number($('ww').value);
  if (level === 128 && width === 256) { return; }
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const low = level - width / 2;
  for (let p = 0; p < data.data.length; p += 4) {
    const v = Math.max(0, Math.min(255, ((data.data[p] - low) / width) * 255));
    data.data[p] = data.data[p + 1] = data.data[p + 2] = v;
  }
  ctx.putImageData(data, 0, 0);
}

function highlight(element, text, concepts) {
  element.replaceChildren();
  let at = 0;
  const sorted = concepts.slice().sort((a, b) => a.start - b.start);
  for (const c of sorted) {
    if (c.start < at || c.end > text.length) { continue; }
    element.appendChild(document.createTextNode(text.slice(at, c.start)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(c.start, c.end);
    mark.title = c.name + ' (' + c.scheme + ' ' + c.code + ', ' + c.kind + (c.negated ? ', negated' : '') + ')';
    if (c.negated) { mark.className = 'negated'; }
    element.appendChild(mark);
    at = c.end;
  }
  element.appendChild(document.createTextNode(text.slice(at)));
}

function showAnswer(r) {
  highlight($('answer'), r.answer, r.concepts);
  highlight($('reasoning'), r.reasoning || '', r.reasoningConcepts || []);
  const list = $('concepts');
  list.replaceChildren();
  const seen = new Set();
  for (const c of r.concepts.concat(r.reasoningConcepts || [])) {
    const k = c.scheme + c.code + c.negated;
    if (seen.has(k)) { continue; }
    seen.add(k);
    const li = document.createElement('li');
    li.textContent = (c.negated ? 'no ' : '') + c.name + ' — ' + c.kind + ' (' + c.scheme + ' ' + c.code + ')';
    list.appendChild(li);
  }
  $('provenance').textContent = 'model ' + r.model.id + ' v' + r.model.version + ' on ' + r.model.device +
    ' · slice ' + (r.slice + 1) + '/' + r.sliceCount + ' · ' + r.timings.totalMs + ' ms (inference ' +
    r.timings.inferenceMs + ' ms, batch of ' + r.timings.batchSize + ')';
}

async function ask(event) {
  event.preventDefault();
  const question = $('question').value.trim();
  if (!question) { setStatus('type a question first', true); return; }
  if (!state.study && !state.files) { setStatus('choose a study or upload files first', true); return; }
  setStatus('asking…');
  $('ask').disabled = true;
  try {
    let response;
    if (state.study) {
      response = await api('/api/v1/ask', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ studyInstanceUID: state.study, question, slice: state.slice }),
      });
    } else {
      const form = new FormData();
      state.files.forEach((f) => form.append('files', f, f.name));
      form.append('question', question);
      form.append('slice', String(state.slice));
      response = await api('/api/v1/ask', { method: 'POST', body: form });
    }
    showAnswer(await response.json());
    setStatus('answered');
  } catch (e) {
    setStatus(e.message, true);
  } finally {
    $('ask').disabled = false;
  }
}

function init() {
  initKey();
  $('tab-source').addEventListener('click', () => {
    $('pane-source').hidden = false; $('pane-upload').hidden = true;
    $('tab-source').classList.add('active'); $('tab-upload').classList.remove('active');
  });
  $('tab-upload').addEventListener('click', () => {
    $('pane-source').hidden = true; $('pane-upload').hidden = false;
    $('tab-upload').classList.add('active'); $('tab-source').classList.remove('active');
  });
  $('file-input').addEventListener('change', (e) => selectFiles(e.target.files));
  $('slice-slider').addEventListener('input', (e) => showSlice(Number(e.target.value)));
  $('image').addEventListener('wheel', (e) => { e.preventDefault(); showSlice(state.slice + Math.sign(e.deltaY)); },
    { passive: false });
  for (const id of ['wl', 'ww']) {
    $(id).addEventListener('input', () => { if (state.images[state.slice]) { draw(state.images[state.slice]); } });
  }
  $('window-reset').addEventListener('click', () => {
    $('wl').value = '128'; $('ww').value = '256';
    if (state.images[state.slice]) { draw(state.images[state.slice]); }
  });
  $('ask-form').addEventListener('submit', ask);
  loadModel();
  loadStudies();
}

document.addEventListener('DOMContentLoaded', init);
