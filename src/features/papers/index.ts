// What other parts of the app may use of the official papers (forms 02–07 of Circular 03/2025).
export { paperRoutes } from './routes';
export { PaperLinks, PaperOffer } from './PaperLinks';
export { PaperFrame, type Signer } from './PaperFrame';
export { viT } from './vi';
