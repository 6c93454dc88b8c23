/*
 * wagtail-localize's translation editor writes a few texts in English in its compiled
 * JavaScript: the heading "Polski to Čeština translation" and the "More actions" label.
 * This puts the admin's own texts (translation/admin_language.py) in their place, as the
 * editor draws them. It changes the text nodes' data only, so React keeps its nodes.
 */
(() => {
  const script = document.currentScript;
  const texts = JSON.parse(script.dataset.editorLanguage);

  const start = () => {
    const editor = document.querySelector('.js-translation-editor');
    if (!editor) return;
    const props = JSON.parse(editor.dataset.props);
    const source = props.sourceLocale.displayName;
    const target = props.locale.displayName;
    const replacements = new Map(Object.entries(texts).filter(([english]) => english !== 'title'));
    replacements.set(
      `${source} to ${target} translation`,
      texts.title.replace('%(source)s', source).replace('%(target)s', target),
    );

    const relabel = () => {
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.data.trim();
        if (replacements.has(text)) node.data = node.data.replace(text, replacements.get(text));
      }
    };
    relabel();
    new MutationObserver(relabel).observe(editor, { childList: true, subtree: true });
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
