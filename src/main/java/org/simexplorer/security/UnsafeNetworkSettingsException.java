package org.simexplorer.security;

/** Settings that would expose the app, or lock everyone out; the app refuses to start with them. */
public class UnsafeNetworkSettingsException extends IllegalStateException {

    public UnsafeNetworkSettingsException(String message) {
        super(message);
    }
}
