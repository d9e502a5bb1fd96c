package dev.textdrive.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataDirectoryTest {

    private static final Path HOME = Path.of("/home/ann");

    /** Each row: os.name, an environment variable and its value (empty for none), and the expected folder. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Windows 11 | APPDATA       | C:\\Users\\ann\\AppData\\Roaming | C:\\Users\\ann\\AppData\\Roaming/TextDrive
            Windows 11 | OTHER         | x                                | /home/ann/AppData/Roaming/TextDrive
            Windows 11 | APPDATA       | " "                              | /home/ann/AppData/Roaming/TextDrive
            Mac OS X   | XDG_DATA_HOME | /data/xdg                        | /home/ann/Library/Application Support/TextDrive
            Linux      | XDG_DATA_HOME | /data/xdg                        | /data/xdg/textdrive
            Linux      | OTHER         | x                                | /home/ann/.local/share/textdrive
            Linux      | XDG_DATA_HOME | relative/xdg                     | /home/ann/.local/share/textdrive
            Linux      | XDG_DATA_HOME | ""                               | /home/ann/.local/share/textdrive
            FreeBSD    | XDG_DATA_HOME | /data/xdg                        | /data/xdg/textdrive
            """)
    void locateFollowsPlatform(String osName, String variable, String value, String expected) {
        Path folder = DataDirectory.locate(osName, Map.of(variable, value), HOME);

        assertEquals(Path.of(expected), folder);
    }
}
