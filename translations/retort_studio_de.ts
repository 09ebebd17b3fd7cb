<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>RecentProjects</name>
    <message>
        <location filename="../ui/window/recentprojects.cpp" line="+57"/>
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="+38"/>
        <source>Retort Studio: see and run database migrations.</source>
        <translation>Retort Studio: Datenbankmigrationen ansehen und ausführen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database URL (default: the project&apos;s).</source>
        <translation>Datenbank-URL (Vorgabe: die des Projekts).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>system, light or dark (default: as last chosen).</source>
        <translation>system, light oder dark (Vorgabe: die zuletzt gewählte).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save a picture of the window to FILE once the database status is read, then quit.</source>
        <translation>Ein Bild des Fensters in FILE speichern, sobald der Datenbankstatus gelesen ist, und dann beenden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Project folder, retort.ini or alembic.ini.</source>
        <translation>Projektordner, retort.ini oder alembic.ini.</translation>
    </message>
</context>
<context>
    <name>retort::ui::ConfirmRunDialog</name>
    <message>
        <location filename="../ui/runlog/confirmrundialog.cpp" line="+18"/>
        <source>Confirm rollback</source>
        <translation>Zurückrollen bestätigen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confirm upgrade</source>
        <translation>Aktualisierung bestätigen</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n migration(s) will run, each in its own transaction. This is the exact SQL:</source>
        <translation>
            <numerusform>%n Migration wird in einer eigenen Transaktion ausgeführt. Dies ist das genaue SQL:</numerusform>
            <numerusform>%n Migrationen werden ausgeführt, jede in einer eigenen Transaktion. Dies ist das genaue SQL:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Upgrade</source>
        <translation>Aktualisieren</translation>
    </message>
</context>
<context>
    <name>retort::ui::ConnectionDialog</name>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="+21"/>
        <source>Connect to Database</source>
        <translation>Mit Datenbank verbinden</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use this database in the window</source>
        <translation>Diese Datenbank im Fenster verwenden</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect once, in the background, and show the server&apos;s version or why it failed</source>
        <translation>Einmal im Hintergrund verbinden und die Serverversion oder den Grund des Fehlschlags anzeigen</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Connecting to %1...</source>
        <translation>Verbindung mit %1 wird hergestellt …</translation>
    </message>
</context>
<context>
    <name>retort::ui::ConnectionForm</name>
    <message>
        <location filename="../ui/connection/connectionform.cpp" line="+37"/>
        <source>postgresql://user@host:5432/database</source>
        <translation>postgresql://benutzer@host:5432/datenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database URL in SQLAlchemy&apos;s form, as in retort.ini. A password typed here moves to the password field; the URL shows it as ***.</source>
        <translation>Die Datenbank-URL in der Form von SQLAlchemy, wie in retort.ini. Ein hier eingegebenes Passwort wandert ins Passwortfeld; die URL zeigt es als *** an.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The kind of database</source>
        <translation>Die Art der Datenbank</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Driver:</source>
        <translation>T&amp;reiber:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>O&amp;ptions:</source>
        <translation>&amp;Optionen:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>/path/to/database.db</source>
        <translation>/pfad/zur/datenbank.db</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The SQLite database file; a relative path is relative to the folder Studio was started in. The first upgrade creates a missing file.</source>
        <translation>Die SQLite-Datenbankdatei; ein relativer Pfad bezieht sich auf den Ordner, in dem Studio gestartet wurde. Fehlt die Datei, legt die erste Aktualisierung sie an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Browse...</source>
        <translation>Dur&amp;chsuchen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose an existing database file or name a new one</source>
        <translation>Eine vorhandene Datenbankdatei wählen oder eine neue benennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In &amp;memory (gone when the connection closes)</source>
        <translation>Im &amp;Arbeitsspeicher (verworfen, sobald die Verbindung geschlossen wird)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A private database in memory, for trying migrations out</source>
        <translation>Eine private Datenbank im Arbeitsspeicher, um Migrationen auszuprobieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server name or address (an IPv6 address as it is, without brackets); for PostgreSQL also a socket folder such as /run/postgresql</source>
        <translation>Name oder Adresse des Servers (eine IPv6-Adresse unverändert, ohne eckige Klammern); bei PostgreSQL auch ein Socket-Ordner wie /run/postgresql</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TCP port; the lowest value means the driver&apos;s default port</source>
        <translation>TCP-Port; der kleinste Wert steht für den Standardport des Treibers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name of the database on the server</source>
        <translation>Name der Datenbank auf dem Server</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User name to log in with</source>
        <translation>Benutzername für die Anmeldung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password; never shown in the URL and never written to the settings file (saved connections keep it in the keychain)</source>
        <translation>Passwort; wird nie in der URL angezeigt und nie in die Einstellungsdatei geschrieben (gespeicherte Verbindungen bewahren es im Schlüsselbund auf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ort:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data&amp;base:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>name=value pairs joined by &amp;: timeout (seconds to wait for a lock), mode=ro (read only)</source>
        <translation>Paare name=Wert, verbunden mit &amp;: timeout (Sekunden Wartezeit auf eine Sperre), mode=ro (nur lesen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name=value pairs joined by &amp;, as in the URL&apos;s query, e.g. %1</source>
        <translation>Paare name=Wert, verbunden mit &amp;, wie im Query-Teil der URL, z. B. %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>SQLite Database</source>
        <translation>SQLite-Datenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.db *.sqlite *.sqlite3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the keychain...</source>
        <translation>Schlüsselbund wird gelesen …</translation>
    </message>
</context>
<context>
    <name>retort::ui::ConnectionProfiles</name>
    <message>
        <location filename="../ui/connection/connectionprofiles.cpp" line="+79"/>
        <source>A connection needs a name.</source>
        <translation>Eine Verbindung braucht einen Namen.</translation>
    </message>
</context>
<context>
    <name>retort::ui::ConnectionTester</name>
    <message>
        <location filename="../ui/connection/connectiontester.cpp" line="+101"/>
        <source>There is no file there yet: the first upgrade creates it.</source>
        <translation>Dort gibt es noch keine Datei: Die erste Aktualisierung legt sie an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected to %1 %2.</source>
        <translation>Verbunden mit %1 %2.</translation>
    </message>
</context>
<context>
    <name>retort::ui::DatabaseStatusPanel</name>
    <message>
        <location filename="../ui/status/databasestatuspanel.cpp" line="+68"/>
        <source>Locked by %1</source>
        <translation>Gesperrt von %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, session started %1</source>
        <translation>, Sitzung seit %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> since %1</source>
        <translation> seit %1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n applied script(s) changed since they ran: %1</source>
        <translation>
            <numerusform>%n angewendetes Skript wurde seit seiner Ausführung geändert: %1</numerusform>
            <numerusform>%n angewendete Skripte wurden seit ihrer Ausführung geändert: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No database</source>
        <translation>Keine Datenbank</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+6"/>
        <source>Reading the database...</source>
        <translation>Datenbank wird gelesen …</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>No database is set for this project.</source>
        <translation>Für dieses Projekt ist keine Datenbank festgelegt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>At a revision the scripts do not know: %1</source>
        <translation>Auf einer Revision, die die Skripte nicht kennen: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Empty project</source>
        <translation>Leeres Projekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up to date at %1</source>
        <translation>Auf dem neuesten Stand: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Empty database: %n revision(s) to apply</source>
        <translation>
            <numerusform>Leere Datenbank: %n Revision ausstehend</numerusform>
            <numerusform>Leere Datenbank: %n Revisionen ausstehend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>At %1: %n revision(s) behind head</source>
        <translation>
            <numerusform>Auf %1: %n Revision hinter head</numerusform>
            <numerusform>Auf %1: %n Revisionen hinter head</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot compare the applied scripts: %1</source>
        <translation>Die angewendeten Skripte können nicht verglichen werden: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot read the database</source>
        <translation>Die Datenbank kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read the database: %1</source>
        <translation>Die Datenbank kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>retort::ui::HistoryGraphView</name>
    <message>
        <location filename="../ui/history/historygraphview.cpp" line="+283"/>
        <source>No revisions</source>
        <translation>Keine Revisionen</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>you are here</source>
        <translation>Sie sind hier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>head</source>
        <translation>head</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>branch</source>
        <translation>Verzweigung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>base</source>
        <translation>base</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Applied to the database</source>
        <translation>In der Datenbank angewendet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not applied yet</source>
        <translation>Noch nicht angewendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Branch labels: %1</source>
        <translation>Zweigbezeichnungen: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Depends on: %1</source>
        <translation>Hängt ab von: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
</context>
<context>
    <name>retort::ui::MainWindow</name>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="+74"/>
        <source>Retort Studio</source>
        <translation>Retort Studio</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Filter by id, label or message</source>
        <translation>Nach ID, Bezeichnung oder Nachricht filtern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows that do not match are dimmed (Ctrl+F)</source>
        <translation>Nicht passende Zeilen werden abgeblendet (Ctrl+F)</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Run log</source>
        <translation>Ausführungsprotokoll</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open Project...</source>
        <translation>&amp;Projekt öffnen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a folder with a retort.ini or an alembic.ini (Ctrl+O)</source>
        <translation>Einen Ordner mit einer retort.ini oder einer alembic.ini öffnen (Ctrl+O)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Refresh</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read the scripts and the database again (F5)</source>
        <translation>Skripte und Datenbank neu einlesen (F5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Run</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upgrade to &amp;Head</source>
        <translation>Auf &amp;head aktualisieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply every pending revision (Ctrl+U)</source>
        <translation>Alle ausstehenden Revisionen anwenden (Ctrl+U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Upgrade to Here</source>
        <translation>Bis hierher &amp;aktualisieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Upgrade the database to the selected revision</source>
        <translation>Die Datenbank auf die ausgewählte Revision aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Roll Back to Here</source>
        <translation>Bis hierher &amp;zurückrollen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Roll the database back to the selected revision, after showing the SQL (Ctrl+R)</source>
        <translation>Die Datenbank auf die ausgewählte Revision zurückrollen, nach Anzeige des SQL (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel Run</source>
        <translation>Ausführung a&amp;bbrechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop the running migration and roll it back (Esc)</source>
        <translation>Die laufende Migration anhalten und zurückrollen (Esc)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>&amp;Connect to Database...</source>
        <translation>Mit Datenbank &amp;verbinden …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the database: a saved connection, a URL or its parts (Ctrl+D)</source>
        <translation>Die Datenbank wählen: eine gespeicherte Verbindung, eine URL oder deren Teile (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow the &amp;System</source>
        <translation>Dem &amp;System folgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Retort Studio</source>
        <translation>Ü&amp;ber Retort Studio</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot open the project</source>
        <translation>Das Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 - Retort Studio</source>
        <translation>%1 – Retort Studio</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n revision(s)</source>
        <translation>
            <numerusform>%n Revision</numerusform>
            <numerusform>%n Revisionen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Stamp Here...</source>
        <translation>Als Datenbankstand setzen …</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Project settings (retort.ini alembic.ini)</source>
        <translation>Projekteinstellungen (retort.ini alembic.ini)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>About Retort Studio</source>
        <translation>Über Retort Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Retort Studio %1&lt;/h3&gt;&lt;p&gt;Database schema migrations you can see: the revision history as a graph, where a database stands, and safe runs.&lt;/p&gt;&lt;p&gt;Compatible with Alembic projects and version tables.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Retort Studio %1&lt;/h3&gt;&lt;p&gt;Datenbank-Schemamigrationen, die man sehen kann: der Revisionsverlauf als Graph, der Stand einer Datenbank und sichere Ausführungen.&lt;/p&gt;&lt;p&gt;Kompatibel mit Projekten und Versionstabellen von Alembic.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>retort::ui::ProfileListPane</name>
    <message>
        <location filename="../ui/connection/profilelistpane.cpp" line="+106"/>
        <source>Saved connections, then the ones this project used lately. Choose one to fill in the form.</source>
        <translation>Gespeicherte Verbindungen, danach die zuletzt in diesem Projekt verwendeten. Wählen Sie eine aus, um das Formular damit auszufüllen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name for this connection</source>
        <translation>Name für diese Verbindung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name the connection is saved under</source>
        <translation>Der Name, unter dem die Verbindung gespeichert wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the form under this name; the password goes to the keychain</source>
        <translation>Das Formular unter diesem Namen speichern; das Passwort kommt in den Schlüsselbund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the chosen saved connection and its stored password</source>
        <translation>Die gewählte gespeicherte Verbindung und ihr hinterlegtes Passwort löschen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved connections</source>
        <translation>Gespeicherte Verbindungen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&quot;%1&quot; was saved without its password.</source>
        <translation>„%1“ wurde ohne Passwort gespeichert.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>None saved yet</source>
        <translation>Noch keine gespeichert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Recent for this project</source>
        <translation>Zuletzt in diesem Projekt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Used lately with this project; type the password if it needs one</source>
        <translation>Zuletzt in diesem Projekt verwendet; geben Sie das Passwort ein, falls eines nötig ist</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Looking for the system keychain...</source>
        <translation>Schlüsselbund des Systems wird gesucht …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passwords of saved connections are kept in the system keychain, never in the settings file.</source>
        <translation>Passwörter gespeicherter Verbindungen liegen im Schlüsselbund des Systems, nie in der Einstellungsdatei.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No keychain is available (%1), so passwords are not saved: type the password each time you connect.</source>
        <translation>Kein Schlüsselbund verfügbar (%1), daher werden Passwörter nicht gespeichert: Geben Sie das Passwort bei jeder Verbindung ein.</translation>
    </message>
</context>
<context>
    <name>retort::ui::RevisionDetailPanel</name>
    <message>
        <location filename="../ui/detail/revisiondetailpanel.cpp" line="+128"/>
        <source>Cannot plan this: %1</source>
        <translation>Planung nicht möglich: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database is already at or above this revision.</source>
        <translation>Die Datenbank ist bereits auf oder über dieser Revision.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to roll back: the database has no applied revision above this one.</source>
        <translation>Nichts zurückzurollen: Die Datenbank hat über dieser keine angewendete Revision.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n migration(s) would run from the database&apos;s current state (%1). This is the exact SQL:</source>
        <translation>
            <numerusform>Vom aktuellen Stand der Datenbank (%1) aus würde %n Migration ausgeführt. Dies ist das genaue SQL:</numerusform>
            <numerusform>Vom aktuellen Stand der Datenbank (%1) aus würden %n Migrationen ausgeführt. Dies ist das genaue SQL:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upgrade to here</source>
        <translation>Bis hierher aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll back to here</source>
        <translation>Bis hierher zurückrollen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No database is set for this project.</source>
        <translation>Für dieses Projekt ist keine Datenbank festgelegt.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reading the database...</source>
        <translation>Datenbank wird gelesen …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No revision selected</source>
        <translation>Keine Revision ausgewählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a revision in the history to see its script.</source>
        <translation>Wählen Sie im Verlauf eine Revision aus, um ihr Skript zu sehen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Parents</source>
        <translation>Vorgänger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none (a base)</source>
        <translation>keine (Basisrevision)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Children</source>
        <translation>Nachfolger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Branch labels</source>
        <translation>Zweigbezeichnungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On branch</source>
        <translation>Im Zweig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transaction</source>
        <translation>Transaktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>runs outside a transaction</source>
        <translation>läuft außerhalb einer Transaktion</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Select a revision in the history to see the SQL that would run.</source>
        <translation>Wählen Sie im Verlauf eine Revision aus, um das SQL zu sehen, das ausgeführt würde.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database&apos;s state is unknown, so what would run cannot be planned.
%1</source>
        <translation>Der Stand der Datenbank ist unbekannt, daher lässt sich nicht planen, was ausgeführt würde.
%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database is at a revision no script of this project defines (%1): there is no plan from there.</source>
        <translation>Die Datenbank steht auf einer Revision, die kein Skript dieses Projekts definiert (%1): Von dort aus gibt es keinen Plan.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Planning...</source>
        <translation>Wird geplant …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>base</source>
        <translation>base</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Nothing to roll back: this revision is not applied to the database.</source>
        <translation>Nichts zurückzurollen: Diese Revision ist in der Datenbank nicht angewendet.</translation>
    </message>
</context>
<context>
    <name>retort::ui::RunLogPanel</name>
    <message>
        <location filename="../ui/runlog/runlogpanel.cpp" line="+16"/>
        <source>No run yet.</source>
        <translation>Noch keine Ausführung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stop the run: the running statement is cancelled and its migration rolled back (Esc)</source>
        <translation>Ausführung anhalten: Die laufende Anweisung wird abgebrochen und ihre Migration zurückgerollt (Esc)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>plan: %n step(s)</source>
        <translation>
            <numerusform>Plan: %n Schritt</numerusform>
            <numerusform>Plan: %n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>upgrade (%1 of %2) %3</source>
        <translation>Aktualisierung (%1 von %2) %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>downgrade (%1 of %2) %3</source>
        <translation>Zurückrollen (%1 von %2) %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ERROR %1</source>
        <translation>FEHLER %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ERROR %1: %2</source>
        <translation>FEHLER %1: %2</translation>
    </message>
</context>
<context>
    <name>retort::ui::RunWorkflow</name>
    <message>
        <location filename="../ui/runlog/runworkflow.cpp" line="+35"/>
        <source>head</source>
        <translation>head</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upgrade the database to %1?</source>
        <translation>Datenbank auf %1 aktualisieren?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll the database back to %1?</source>
        <translation>Datenbank auf %1 zurückrollen?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stamp the database as %1 without running any script?</source>
        <translation>Datenbankstand auf %1 setzen, ohne ein Skript auszuführen?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Planning: %1</source>
        <translation>Planung: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Plan ready.</source>
        <translation>Plan erstellt.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run finished.</source>
        <translation>Ausführung abgeschlossen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed.</source>
        <translation>Fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Nothing to do: the database is already there.</source>
        <translation>Nichts zu tun: Die Datenbank ist bereits auf diesem Stand.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not run.</source>
        <translation>Nicht ausgeführt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The run failed</source>
        <translation>Die Ausführung ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>retort::ui::ScriptEditor</name>
    <message>
        <location filename="../ui/editor/scripteditor.cpp" line="+106"/>
        <source>line %1 %2</source>
        <translation>Zeile %1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n statement(s) destroy data:</source>
        <translation>
            <numerusform>%n Anweisung löscht Daten:</numerusform>
            <numerusform>%n Anweisungen löschen Daten:</numerusform>
        </translation>
    </message>
</context>
</TS>
