import { productName, version } from '../../package.json';

/** The product's display name, as packaged. */
export const PRODUCT_NAME: string = productName;

/** The product's version, from package.json (the same value Electron's `app.getVersion()` reads). */
export const PRODUCT_VERSION: string = version;
