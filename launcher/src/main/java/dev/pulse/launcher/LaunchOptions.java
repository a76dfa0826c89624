package dev.pulse.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code ./pulse run} was asked to do. */
record LaunchOptions(Path dataDir, boolean demo) {

    static final String USAGE = "usage: pulse run [--no-demo] [--data-dir DIR]";

    static LaunchOptions parse(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (!rest.isEmpty() && rest.getFirst().equals("run")) {
            rest.removeFirst();
        }
        Path dataDir = Path.of("var");
        boolean demo = true;
        for (int i = 0; i < rest.size(); i++) {
            switch (rest.get(i)) {
                case "--no-demo" -> demo = false;
                case "--data-dir" -> {
                    if (i + 1 >= rest.size()) {
                        throw new LaunchException("--data-dir needs a directory. " + USAGE);
                    }
                    dataDir = Path.of(rest.get(++i));
                }
                default -> throw new LaunchException("Unknown option '" + rest.get(i) + "'. " + USAGE);
            }
        }
        return new LaunchOptions(dataDir.toAbsolutePath().normalize(), demo);
    }
}
