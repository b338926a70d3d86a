/*
 * cxaudit single-element observation: ONE function expression for
 *   locator.evaluate(ELEMENT_JS, {maxText, masks})
 * returning the ELEMENT record of the control (see snapshot.js) plus page_font_median and
 * scroll_needed. The placeholder in the body is replaced by the source of snapshot.js when
 * cxaudit/recorder/snapshot.py loads the scripts, so the helpers exist only once.
 */
(el, opts) => (__SNAPSHOT_JS__)(Object.assign({}, opts || {}, { target: el }))
