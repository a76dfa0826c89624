package dev.pulse.bench;

import java.nio.file.Path;

/** What {@code ./pulse bench} was asked to do. */
record BenchOptions(boolean quick, long seed, Path out, Path pulseJar, boolean jmh, boolean replayOnly,
                    long replayFollowUps) {

    static final String USAGE = "usage: pulse bench [--quick] [--seed N] [--out DIR] [--jmh] [--replay-only [--follow-ups N]]";

    static BenchOptions parse(String[] args) {
        boolean quick = false;
        boolean jmh = false;
        boolean replayOnly = false;
        long replayFollowUps = 0;
        long seed = 42;
        Path out = Path.of(".");
        Path pulseJar = Path.of("launcher", "target", "pulse.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--jmh" -> jmh = true;
                case "--replay-only" -> replayOnly = true;
                case "--follow-ups" -> replayFollowUps = Long.parseLong(value(args, ++i, "--follow-ups needs a number"));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed needs a number"));
                case "--out" -> out = Path.of(value(args, ++i, "--out needs a directory"));
                case "--pulse-jar" -> pulseJar = Path.of(value(args, ++i, "--pulse-jar needs a path"));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'. " + USAGE);
            }
        }
        return new BenchOptions(quick, seed, out.toAbsolutePath().normalize(), pulseJar.toAbsolutePath().normalize(), jmh,
                replayOnly, replayFollowUps);
    }

    private static String value(String[] args, int i, String message) {
        if (i >= args.length) {
            throw new IllegalArgumentException(message + ". " + USAGE);
        }
        return args[i];
    }
}
