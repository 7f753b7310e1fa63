package io.strongroom.app;

/**
 * The main class of the packaged {@code strongroom-serve} launcher: {@code strongroom serve}
 * with the caller's arguments. A launcher of its own so that it can start with the JVM options
 * of a small server (see {@code io.strongroom.cli.ServeJvm}) while the console keeps the JVM's
 * defaults.
 */
public final class ServeLauncher {

    private ServeLauncher() {}

    public static void main(String[] args) {
        String[] serve = new String[args.length + 1];
        serve[0] = "serve";
        System.arraycopy(args, 0, serve, 1, args.length);
        Launcher.main(serve);
    }
}
