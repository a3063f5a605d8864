export {
  applicationFor,
  pdfBytes,
  requiredTypes,
  residentId,
  uniqueWord,
} from '../../lib/sample-application';
