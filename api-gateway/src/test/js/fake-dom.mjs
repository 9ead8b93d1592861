// A minimal DOM for testing the dashboard's rendering functions under node. It implements only what dashboard.js
// calls, and its markup-parsing members throw, so a rendering function that used them fails the test.

class FakeNode {
  constructor(ownerDocument) {
    this.ownerDocument = ownerDocument;
    this.parentNode = null;
    this.childNodes = [];
  }

  get firstChild() {
    return this.childNodes[0] ?? null;
  }

  appendChild(node) {
    if (!(node instanceof FakeNode)) {
      throw new TypeError(`appendChild expects a node, not ${typeof node}: ${String(node)}`);
    }
    if (node.parentNode) {
      node.parentNode.childNodes = node.parentNode.childNodes.filter((child) => child !== node);
    }
    node.parentNode = this;
    this.childNodes.push(node);
    return node;
  }

  get textContent() {
    return this.childNodes.map((child) => child.textContent).join('');
  }
}

export class FakeText extends FakeNode {
  constructor(ownerDocument, data) {
    super(ownerDocument);
    this.data = data;
  }

  get textContent() {
    return this.data;
  }
}

function forbidden(name) {
  return {
    get() {
      throw new Error(`${name} is not supported by the fake DOM`);
    },
    set() {
      throw new Error(`${name} parses markup and must not be used by the dashboard`);
    },
  };
}

export class FakeElement extends FakeNode {
  constructor(ownerDocument, tagName, namespaceURI) {
    super(ownerDocument);
    this.tagName = namespaceURI === 'http://www.w3.org/1999/xhtml' ? tagName.toUpperCase() : tagName;
    this.namespaceURI = namespaceURI;
    this.attributes = new Map();
    this.listeners = new Map();
  }

  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }

  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }

  hasAttribute(name) {
    return this.attributes.has(name);
  }

  removeAttribute(name) {
    this.attributes.delete(name);
  }

  addEventListener(type, listener) {
    const listeners = this.listeners.get(type) ?? [];
    listeners.push(listener);
    this.listeners.set(type, listeners);
  }

  replaceChildren(...nodes) {
    for (const child of this.childNodes) {
      child.parentNode = null;
    }
    this.childNodes = [];
    for (const node of nodes) {
      this.appendChild(typeof node === 'string' ? this.ownerDocument.createTextNode(node) : node);
    }
  }

  get textContent() {
    return super.textContent;
  }

  set textContent(text) {
    this.replaceChildren(this.ownerDocument.createTextNode(String(text)));
  }
}

for (const name of ['innerHTML', 'outerHTML']) {
  Object.defineProperty(FakeElement.prototype, name, forbidden(name));
}
FakeElement.prototype.insertAdjacentHTML = () => {
  throw new Error('insertAdjacentHTML parses markup and must not be used by the dashboard');
};

export class FakeDocument {
  createElement(tagName) {
    return new FakeElement(this, tagName, 'http://www.w3.org/1999/xhtml');
  }

  createElementNS(namespaceURI, tagName) {
    return new FakeElement(this, tagName, namespaceURI);
  }

  createTextNode(data) {
    return new FakeText(this, String(data));
  }

  getElementById() {
    return null;
  }

  write() {
    throw new Error('document.write parses markup and must not be used by the dashboard');
  }
}

/** Returns every element in the tree under root, root included, depth first. */
export function elements(root) {
  const found = [];
  const visit = (node) => {
    if (node instanceof FakeElement) {
      found.push(node);
      node.childNodes.forEach(visit);
    }
  };
  visit(root);
  return found;
}
