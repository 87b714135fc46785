/**
 * The domain's failures, shared by the core and the features. This package depends on nothing else of the app;
 * {@link org.simexplorer.errors.ErrorStatus} gives each type its one HTTP status, which the web edge's advice puts
 * in a problem detail.
 */
package org.simexplorer.errors;
