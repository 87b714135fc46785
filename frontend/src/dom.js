// DOM helpers that only ever set text through textContent: data never reaches innerHTML.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function setText(node, text) {
  node.textContent = text ?? '';
  return node;
}

/**
 * An alert that stays until the user dismisses it: renders elsewhere on the page never clear it. `id` names the
 * box; `${id}-text` holds the text and `${id}-close` hides it.
 */
export function dismissable($, id) {
  const box = $(id);
  $(`${id}-close`).addEventListener('click', () => { box.hidden = true; });
  return {
    show(text) {
      setText($(`${id}-text`), text);
      box.hidden = false;
    },
    hide() { box.hidden = true; },
  };
}
