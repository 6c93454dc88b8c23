/*
 * Autosave backs off while saving fails (Wagtail's w-autosave controller, WAGTAIL_AUTOSAVE_INTERVAL).
 *
 * Wagtail sends a save after every pause in typing; while the form is invalid (a new page
 * whose required parts are not filled in yet) each one is refused, so an editor typing a
 * page sent dozens of requests answered 400. After a refused save the wait before the next
 * one doubles (up to MAX_INTERVAL); a successful save brings back the configured interval.
 * Only the controller's documented `interval` value is changed; network errors keep
 * Wagtail's own retries.
 *
 * While it waits, the header's indicator keeps saying that autosave is paused, with the
 * reason, instead of "Saving…" for the whole wait.
 */
(() => {
  const MAX_INTERVAL = 60000;
  const ATTRIBUTE = 'data-w-autosave-interval-value';
  const base = new WeakMap();
  const reason = new WeakMap();

  const isAutosaveForm = (element) => element instanceof HTMLFormElement && element.hasAttribute(ATTRIBUTE);
  const interval = (form) => Number(form.getAttribute(ATTRIBUTE)) || 500;

  document.addEventListener('w-autosave:error', (event) => {
    const form = event.target;
    if (!isAutosaveForm(form) || (event.detail && event.detail.type === 'network_error')) return;
    if (!base.has(form)) base.set(form, interval(form));
    reason.set(form, (event.detail && event.detail.text) || '');
    form.setAttribute(ATTRIBUTE, String(Math.min(interval(form) * 2, MAX_INTERVAL)));
  });

  document.addEventListener('w-autosave:success', (event) => {
    const form = event.target;
    if (!isAutosaveForm(form) || !base.has(form)) return;
    form.setAttribute(ATTRIBUTE, String(base.get(form)));
    base.delete(form);
    reason.delete(form);
  });

  document.addEventListener('w-autosave:save', (event) => {
    const form = event.target;
    if (!isAutosaveForm(form) || !base.has(form)) return;
    // After the indicator has handled the same event: back to "paused" while the save waits.
    setTimeout(() => {
      const indicator = document.getElementById('w-autosave-indicator');
      if (!indicator) return;
      indicator.setAttribute('data-w-autosave-state-value', 'paused');
      indicator.setAttribute('data-w-tooltip-content-value', reason.get(form) || '');
    }, 0);
  });
})();
