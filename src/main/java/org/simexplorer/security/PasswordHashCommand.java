package org.simexplorer.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code java -jar similarity-explorer.jar hash-password}: prints the bcrypt hash of a password for
 * simexplorer.security.users. It asks twice on a terminal and reads one line otherwise (a pipe, docker run -i).
 * Runs without starting Spring: it touches no database and loads no model.
 */
public final class PasswordHashCommand {

    public static final String WORD = "hash-password";

    private PasswordHashCommand() {
    }

    public static int run(Console console, InputStream in, PrintStream out, PrintStream err) throws IOException {
        char[] password;
        if (console != null) {
            password = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (password == null || !Arrays.equals(password, again)) {
                err.println("The two passwords differ.");
                return 1;
            }
        } else {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password.length == 0) {
            err.println("Give a password: on a terminal when asked, or as one line on standard input.");
            return 1;
        }
        if (password.length < 8) {
            err.println("Warning: a password shorter than 8 characters is easy to guess.");
        }
        out.println(new BCryptPasswordEncoder().encode(new String(password)));
        err.println("Use it as simexplorer.security.users=NAME:HASH (or SIMEXPLORER_SECURITY_USERS='NAME:HASH').");
        return 0;
    }
}
