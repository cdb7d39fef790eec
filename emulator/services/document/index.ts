/**
 * DocumentApp fake (developers.google.com/apps-script/reference/document) and the Node-side
 * helpers that build and read documents.
 */
export { createDocumentApp, type FakeDocumentApp } from './document';
export { DocContent } from './model';
export {
  createDocumentFromElements,
  documentElements,
  documentPdfBlocks,
  documentText,
  type TemplateElement,
} from './io';
