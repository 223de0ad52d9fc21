// The post editor: slug from the title until edited by hand, and city suggestions from the text as the
// editor types (POST /api/editor/tag-suggestions), each accepted or dismissed with one click or key. Texts come from the page
// (editor-text.js), in the editor's language; a doubt comes as a text key with its values.

import { el, slugOf } from '../text.js';
import { number, text } from './editor-text.js';
import { TagField } from './tag-field.js';

const editorOptions = { suggestDelayMs: 400 };

const form = document.getElementById('post-form');
const title = form.querySelector('[data-role=title]');
const slug = form.querySelector('[data-role=slug]');
const tagField = new TagField(form.querySelector('[data-role=tag-field]'));
const suggestionList = form.querySelector('[data-role=suggestions]');
const suggestionStatus = form.querySelector('[data-role=suggestion-status]');
const token = form.querySelector('input[name=__RequestVerificationToken]').value;

// The slug follows the title while it is empty or still what the title would give.
let slugFollowsTitle = slug.value === '' || slug.value === slugOf(title.value);
slug.addEventListener('input', () => { slugFollowsTitle = slug.value === ''; });
title.addEventListener('input', () => { if (slugFollowsTitle) slug.value = slugOf(title.value); });
if (slugFollowsTitle) slug.value = slugOf(title.value); // a title typed before this script ran

let latest = [];
let pending;
let requestNumber = 0;

async function suggest() {
  const text = ['title', 'summary', 'body'].map((role) => form.querySelector(`[data-role=${role}]`)?.value
    ?? form.querySelector(`[name="Input.${role[0].toUpperCase()}${role.slice(1)}"]`)?.value ?? '').join('\n');
  const number = ++requestNumber;
  try {
    const response = await fetch('/api/editor/tag-suggestions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', RequestVerificationToken: token },
      body: JSON.stringify({ text }),
    });
    if (number !== requestNumber) return; // an older answer arriving late
    if (!response.ok) throw new Error(String(response.status));
    latest = (await response.json()).suggestions;
    render();
  } catch {
    suggestionStatus.textContent = text('Script.Suggestions.Unavailable');
  }
}

// Suggestions the editor dismissed (slug, or name for a place not on the map): not offered again while the page is open.
const rejected = new Set();
const keyOf = (s) => s.slug ?? `place:${s.name}`;

function reject(s) {
  rejected.add(keyOf(s));
  render();
}

// Each suggestion is one big button (or link, for a place not on the map): a click anywhere on it, Enter or Space
// accepts it; its small × button, or Delete/Backspace on the suggestion, dismisses it.
function render() {
  const tagged = new Set(tagField.slugs);
  const focused = [...suggestionList.querySelectorAll('[data-role=accept-suggestion]')].indexOf(document.activeElement);
  const open = latest.filter((s) => !rejected.has(keyOf(s)) && (!s.slug || !tagged.has(s.slug)));
  suggestionStatus.textContent = open.length ? text('Script.Suggestions.Found', { count: number(open.length) }) : text('Script.Suggestions.None');
  suggestionList.replaceChildren(...open.map((s) => {
    const words = el('span', { className: 'suggestion__words' },
      text('Script.Suggestion.Words', { words: s.words.join(text('Script.Suggestion.WordSeparator')) }));
    const doubt = s.doubtKey
      ? el('span', { className: 'suggestion__words suggestion__doubt' }, text('Script.Suggestion.Uncertain', { doubt: text(s.doubtKey, s.doubtValues) }))
      : null;
    const dismiss = el('button', {
      type: 'button', className: 'suggestion__reject', 'data-role': 'reject-suggestion',
      'aria-label': text('Script.Suggestion.Reject', { name: s.name }), title: text('Script.Suggestion.Reject', { name: s.name }),
    }, '×');
    dismiss.addEventListener('click', () => reject(s));
    let accept;
    if (!s.slug) {
      const query = new URLSearchParams({ name: s.name, country: s.country });
      accept = el('a', { href: `/admin/cities/new?${query}`, target: '_blank', className: 'suggestion__accept', 'data-role': 'accept-suggestion' },
        el('span', {}, text('Script.Suggestion.AddCity', { name: s.name, country: s.country })), words, doubt);
    } else {
      accept = el('button', { type: 'button', className: 'suggestion__accept', 'data-role': 'accept-suggestion', title: text('Script.Suggestion.RejectKeys') },
        el('span', { className: 'suggestion__name' }, text('Script.Suggestion.Tag', { name: s.name })), words, doubt);
      accept.addEventListener('click', () => tagField.add(s.slug, s.name));
    }
    accept.addEventListener('keydown', (event) => {
      if (event.key !== 'Delete' && event.key !== 'Backspace') return;
      event.preventDefault();
      reject(s);
    });
    const item = s.slug
      ? el('li', { className: `suggestion${s.certain ? '' : ' suggestion--uncertain'}`, 'data-suggested-city': s.slug }, accept, dismiss)
      : el('li', { className: 'suggestion suggestion--new', 'data-suggested-place': s.name }, accept, dismiss);
    return item;
  }));
  // Keyboard work goes on where it was: the next suggestion, else the field to add a city.
  if (focused >= 0) {
    const accepts = suggestionList.querySelectorAll('[data-role=accept-suggestion]');
    (accepts[Math.min(focused, accepts.length - 1)] ?? form.querySelector('[data-role=tag-input]')).focus();
  }
}

for (const field of form.querySelectorAll('[data-role=title], [data-role=body], [name="Input.Summary"]')) {
  field.addEventListener('input', () => {
    clearTimeout(pending);
    pending = setTimeout(suggest, editorOptions.suggestDelayMs);
  });
}
form.querySelector('[data-role=tag-field]').addEventListener('tagschange', render);
suggest();
form.dataset.ready = 'true'; // the editor's helpers are listening
