/**
 * Background work claimed from the database: one db-scheduler per process, shared by dataset jobs and trainings.
 * Knows no web and no feature; features register their tasks as beans.
 */
package org.simexplorer.scheduling;
