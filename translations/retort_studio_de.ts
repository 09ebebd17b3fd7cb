<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DatabaseConnection</name>
    <message>
        <location filename="../app/core/database/databaseconnection.cpp" line="+138"/>
        <source>the Qt SQL driver %1 is not available (for %2)</source>
        <translation>der Qt-SQL-Treiber %1 ist nicht verfügbar (für %2)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the server did not answer within %1 s (connect_timeout=%2)</source>
        <translation>der Server hat nicht innerhalb von %1 s geantwortet (connect_timeout=%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot connect to %1: %2</source>
        <translation>keine Verbindung zu %1: %2</translation>
    </message>
</context>
<context>
    <name>MigrationHistory</name>
    <message>
        <location filename="../app/core/run/migrationhistory.cpp" line="+123"/>
        <location line="+45"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>MigrationLock</name>
    <message>
        <location filename="../app/core/run/migrationlock.cpp" line="+91"/>
        <location line="+222"/>
        <source>a session without application_name</source>
        <translation>eine Sitzung ohne application_name</translation>
    </message>
    <message>
        <location line="-219"/>
        <source>database user %1</source>
        <translation>Datenbankbenutzer %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+221"/>
        <source> from %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>another connection</source>
        <translation>eine andere Verbindung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a write transaction is open; no Retort runner recorded itself</source>
        <translation>eine Schreibtransaktion ist offen; kein Retort-Lauf hat sich eingetragen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>pid %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>server pid %1</source>
        <translation>Server-PID %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>its process %1 no longer exists on this host: the session is orphaned and keeps the lock until its statement ends</source>
        <translation>sein Prozess %1 existiert auf diesem Rechner nicht mehr: die Sitzung ist verwaist und hält die Sperre, bis ihre Anweisung endet</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>cancelled while waiting for the migration lock</source>
        <translation>abgebrochen beim Warten auf die Migrationssperre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the migration lock of %1 is held by %2; gave up after %3 s</source>
        <translation>die Migrationssperre von %1 hält %2; nach %3 s aufgegeben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>waiting for the migration lock held by %1</source>
        <translation>warte auf die Migrationssperre, die %1 hält</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot take the migration lock: %1</source>
        <translation>die Migrationssperre kann nicht genommen werden: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>another session (no longer listed)</source>
        <translation>eine andere Sitzung (nicht mehr aufgeführt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (user %1</source>
        <translation> (Benutzer %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, server pid %1)</source>
        <translation>, Server-PID %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> since </source>
        <translation> seit </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>another connection (no %1)</source>
        <translation>eine andere Verbindung (keine %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lock file</source>
        <translation>Sperrdatei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 pid %2 since %3</source>
        <translation>%1 PID %2 seit %3</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+16"/>
        <source>cannot begin a transaction: %1</source>
        <translation>eine Transaktion kann nicht begonnen werden: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>cannot commit: %1</source>
        <translation>COMMIT nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>MigrationPlanner</name>
    <message>
        <location filename="../app/core/graph/migrationplanner.cpp" line="+46"/>
        <source>cannot roll back to %1: it is not applied</source>
        <translation>Zurückrollen auf %1 nicht möglich: sie ist nicht angewendet</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>cannot roll back to &apos;%1&apos;: it names several revisions</source>
        <translation>Zurückrollen auf &apos;%1&apos; nicht möglich: das benennt mehrere Revisionen</translation>
    </message>
</context>
<context>
    <name>MigrationRunner</name>
    <message>
        <location filename="../app/core/run/migrationrunner.cpp" line="+144"/>
        <source>the version table %1 holds revision %2, which no script of %3 defines</source>
        <translation>die Versionstabelle %1 enthält die Revision %2, die kein Skript von %3 definiert</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot roll back to &apos;%1&apos;: it names several revisions</source>
        <translation>Zurückrollen auf &apos;%1&apos; nicht möglich: das benennt mehrere Revisionen</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1: an Alembic (Python) migration cannot be run by Retort; run it with Alembic (retort stamp works for such projects)</source>
        <translation>%1: eine Alembic-Migration (Python) kann Retort nicht ausführen; führen Sie sie mit Alembic aus (Stempeln funktioniert für solche Projekte)</translation>
    </message>
    <message>
        <location line="+202"/>
        <source> (the history row could not be written: %1)</source>
        <translation> (die Verlaufszeile konnte nicht geschrieben werden: %1)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cancelled during %1%2; rolled back</source>
        <translation>abgebrochen während %1%2; zurückgerollt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> at </source>
        <translation> bei </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 failed: %3
statement: %4</source>
        <translation>%1: %2 fehlgeschlagen: %3
Anweisung: %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+12"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>creating the database file %1</source>
        <translation>lege die Datenbankdatei %1 an</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>another runner changed the database (now at %1): %2 steps left</source>
        <translation>ein anderer Lauf hat die Datenbank geändert (jetzt bei %1): noch %2 Schritte</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%n step(s); would be at %1</source>
        <translation>
            <numerusform>%n Schritt; wäre dann bei %1</numerusform>
            <numerusform>%n Schritte; wäre dann bei %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n step(s); now at %1</source>
        <translation>
            <numerusform>%n Schritt; jetzt bei %1</numerusform>
            <numerusform>%n Schritte; jetzt bei %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrphanedLock</name>
    <message>
        <location filename="../app/core/run/orphanedlock.cpp" line="+24"/>
        <source>only PostgreSQL keeps a migration lock in a database session; elsewhere the lock ends with the process that held it</source>
        <translation>nur PostgreSQL hält eine Migrationssperre in einer Datenbanksitzung; anderswo endet die Sperre mit dem Prozess, der sie hielt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>nobody holds the migration lock</source>
        <translation>niemand hält die Migrationssperre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the runner&apos;s process %1 no longer exists on this host: its session can be ended safely (its open transaction is rolled back)</source>
        <translation>der Prozess %1 des Laufs existiert auf diesem Rechner nicht mehr: seine Sitzung kann gefahrlos beendet werden (ihre offene Transaktion wird zurückgerollt)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the runner&apos;s process %1 is still running on this host: cancel its run instead</source>
        <translation>der Prozess %1 des Laufs läuft auf diesem Rechner noch: brechen Sie stattdessen seinen Lauf ab</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the runner is on another host, so whether it still runs cannot be checked from here: ending its session stops its migration if it is alive</source>
        <translation>der Lauf ist auf einem anderen Rechner, ob er noch läuft, lässt sich von hier nicht prüfen: das Beenden seiner Sitzung stoppt seine Migration, falls er noch lebt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the holder is not a Retort runner, so whether it is still working cannot be checked: ending its session stops whatever it does</source>
        <translation>der Halter ist kein Retort-Lauf, ob er noch arbeitet, lässt sich nicht prüfen: das Beenden seiner Sitzung stoppt, was immer er tut</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the database file does not exist</source>
        <translation>die Datenbankdatei existiert nicht</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the migration lock changed hands since it was checked: now held by %1</source>
        <translation>die Migrationssperre hat seit der Prüfung den Halter gewechselt: jetzt hält sie %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not ending the session of %1: %2</source>
        <translation>die Sitzung von %1 wird nicht beendet: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the server did not end it</source>
        <translation>der Server hat sie nicht beendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot end server process %1: %2</source>
        <translation>Serverprozess %1 kann nicht beendet werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>server process %1 was told to end but still holds the lock after %2 s</source>
        <translation>Serverprozess %1 sollte enden, hält die Sperre aber nach %2 s noch</translation>
    </message>
</context>
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
    <name>RevisionRange</name>
    <message>
        <location filename="../app/core/graph/revisionrange.cpp" line="+18"/>
        <source>history range &apos;%1&apos; is not of the form START:END</source>
        <translation>der Verlaufsbereich &apos;%1&apos; hat nicht die Form START:ENDE</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is not below %2 in the history</source>
        <translation>%1 liegt im Verlauf nicht unter %2</translation>
    </message>
</context>
<context>
    <name>RunSettings</name>
    <message>
        <location filename="../app/core/run/runsettings.cpp" line="+130"/>
        <source>could not checkpoint the WAL of %1 (another connection is using the database): the run&apos;s steps are committed, and reach the disk with the next checkpoint</source>
        <translation>das WAL von %1 konnte nicht zurückgeschrieben werden (eine andere Verbindung nutzt die Datenbank): die Schritte des Laufs sind festgeschrieben und erreichen die Platte mit dem nächsten Checkpoint</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 stays in WAL mode for now: another connection has it open. The next run puts journal mode %2 back (%3)</source>
        <translation>%1 bleibt vorerst im WAL-Modus: eine andere Verbindung hat sie geöffnet. Der nächste Lauf stellt den Journalmodus %2 wieder her (%3)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>could not confirm that the run&apos;s commits reached the disk: %1</source>
        <translation>es ließ sich nicht bestätigen, dass die Festschreibungen des Laufs die Platte erreicht haben: %1</translation>
    </message>
</context>
<context>
    <name>ScriptDirectory</name>
    <message>
        <location filename="../app/core/scripts/scriptdirectory.cpp" line="+80"/>
        <source>%1: version location %2 is not a folder</source>
        <translation>%1: der Versionsort %2 ist kein Ordner</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>%1:%2: byte 0x%3 (column %4) is not valid UTF-8: save the script as UTF-8</source>
        <translation>%1:%2: Byte 0x%3 (Spalte %4) ist kein gültiges UTF-8: speichern Sie das Skript als UTF-8</translation>
    </message>
</context>
<context>
    <name>ScriptVerifier</name>
    <message>
        <location filename="../app/core/run/scriptverifier.cpp" line="+35"/>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>VersionChange</name>
    <message>
        <location filename="../app/core/graph/versionchange.cpp" line="+87"/>
        <source>cannot upgrade to %1: it is in the version table already</source>
        <translation>Aktualisieren auf %1 nicht möglich: sie steht bereits in der Versionstabelle</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>cannot downgrade %1: it is not in the version table</source>
        <translation>Zurückrollen von %1 nicht möglich: sie steht nicht in der Versionstabelle</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>cannot stamp %1: %2 (Alembic&apos;s stamp fails here too)</source>
        <translation>Stempeln von %1 nicht möglich: %2 (auch Alembics stamp scheitert hier)</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>the version table holds %1, which no script defines; stamp with purge to replace it</source>
        <translation>die Versionstabelle enthält %1, die kein Skript definiert; zum Ersetzen mit Leeren stempeln</translation>
    </message>
</context>
<context>
    <name>VersionTable</name>
    <message>
        <location filename="../app/core/run/versiontable.cpp" line="+79"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 was expected to affect one row; it affected %2</source>
        <translation>%1 sollte eine Zeile betreffen; betroffen waren %2</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>cannot look up table %1: %2</source>
        <translation>Tabelle %1 kann nicht nachgeschlagen werden: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
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
