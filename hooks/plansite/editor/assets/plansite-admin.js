/* The words that Decap CMS 3.16's Vietnamese leaves in English: the list buttons ("Add …")
 * and the object fields' "Expand"/"Collapse". Loaded right after decap-cms.js, before Decap
 * reads its configuration; words Decap already has in Vietnamese are kept as they are.
 */
(function () {
  "use strict";
  var vi = window.CMS && window.CMS.getLocale && window.CMS.getLocale("vi");
  if (!vi || !vi.editor || !vi.editor.editorWidgets) return;
  var widgets = vi.editor.editorWidgets;
  widgets.list = Object.assign({ add: "Thêm %{item}", addType: "Thêm %{item}" }, widgets.list);
  widgets.object = Object.assign({ expand: "Mở ra", collapse: "Thu gọn" }, widgets.object);
  window.CMS.registerLocale("vi", vi);
})();
