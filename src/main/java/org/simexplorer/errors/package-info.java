/**
 * The domain's failures, shared by the core and the features. This package depends on nothing else of the app;
 * the web edge ({@code system.ApiExceptionHandler}) turns each type into a problem detail with one status.
 */
package org.simexplorer.errors;
