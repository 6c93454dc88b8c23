/* Wagtail's page chooser, opening at `initialParentId` (the index of the page's language) while nothing is chosen.
 * Wagtail's own widget only opens beside a chosen page; see core/panels.py. The subclass is made on first use,
 * so this file may load before or after Wagtail's page-chooser.js (Django merges form media in either order). */
(function () {
  'use strict';
  let IndexPageChooserClass = null;

  function IndexPageChooser(id, opts) {
    if (IndexPageChooserClass === null) {
      IndexPageChooserClass = class extends window.PageChooser {
        getModalOptions() {
          const options = super.getModalOptions();
          if (!options.parentId && this.opts.initialParentId) {
            options.parentId = this.opts.initialParentId;
          }
          return options;
        }
      };
    }
    return new IndexPageChooserClass(id, opts);
  }

  window.IndexPageChooser = IndexPageChooser;
})();
