<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="18"/>
        <source>Retort Studio: see and run database migrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="22"/>
        <source>Database URL (default: the project&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="25"/>
        <source>Save a picture of the window to FILE once the database status is read, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="29"/>
        <source>Project folder, retort.ini or alembic.ini.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::ConfirmRunDialog</name>
    <message>
        <location filename="../ui/confirmrundialog.cpp" line="20"/>
        <source>Confirm rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/confirmrundialog.cpp" line="20"/>
        <source>Confirm upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/confirmrundialog.cpp" line="28"/>
        <source>line %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/confirmrundialog.cpp" line="43"/>
        <source>%n migration(s) will run, each in its own transaction. This is the exact SQL:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/confirmrundialog.cpp" line="47"/>
        <source>%n statement(s) destroy data:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/confirmrundialog.cpp" line="53"/>
        <source>Roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/confirmrundialog.cpp" line="53"/>
        <source>Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::DatabaseStatusPanel</name>
    <message>
        <location filename="../ui/databasestatuspanel.cpp" line="42"/>
        <source>No database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/databasestatuspanel.cpp" line="42"/>
        <source>Reading the database...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/databasestatuspanel.cpp" line="51"/>
        <source>At a revision the scripts do not know: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/databasestatuspanel.cpp" line="55"/>
        <source>Empty project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/databasestatuspanel.cpp" line="56"/>
        <source>Up to date at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/databasestatuspanel.cpp" line="59"/>
        <source>Empty database: %n revision(s) to apply</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/databasestatuspanel.cpp" line="62"/>
        <source>At %1: %n revision(s) behind head</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/databasestatuspanel.cpp" line="70"/>
        <source>Cannot read the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::HistoryGraphView</name>
    <message>
        <location filename="../ui/historygraphview.cpp" line="251"/>
        <source>No revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historygraphview.cpp" line="355"/>
        <source>you are here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historygraphview.cpp" line="360"/>
        <source>head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historygraphview.cpp" line="361"/>
        <source>merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historygraphview.cpp" line="362"/>
        <source>branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historygraphview.cpp" line="363"/>
        <source>base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historygraphview.cpp" line="388"/>
        <source>Applied to the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historygraphview.cpp" line="388"/>
        <source>Not applied yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historygraphview.cpp" line="391"/>
        <source>Branch labels: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historygraphview.cpp" line="396"/>
        <source>Depends on: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historygraphview.cpp" line="398"/>
        <source>Created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historygraphview.cpp" line="399"/>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="63"/>
        <source>Retort Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="65"/>
        <source>Filter by id, label or message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="67"/>
        <source>Rows that do not match are dimmed (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="84"/>
        <source>Run log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="106"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="107"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="110"/>
        <source>&amp;Open Project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="112"/>
        <source>Open a folder with a retort.ini or an alembic.ini (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="115"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="120"/>
        <source>Read the scripts and the database again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="123"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="125"/>
        <source>Upgrade to &amp;Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="128"/>
        <source>Apply every pending revision (Ctrl+U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="130"/>
        <source>&amp;Upgrade to Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="133"/>
        <source>Upgrade the database to the selected revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="135"/>
        <source>&amp;Roll Back to Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="139"/>
        <source>Roll the database back to the selected revision, after showing the SQL (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="141"/>
        <source>&amp;Cancel Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="143"/>
        <source>Stop the running migration and roll it back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="147"/>
        <source>Recent Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="153"/>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="156"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="158"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="163"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="164"/>
        <source>&amp;About Retort Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="174"/>
        <source>Cannot open the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="178"/>
        <source>%1 - Retort Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="183"/>
        <source>%n revision(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="269"/>
        <source>Stamp Here...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="282"/>
        <source>head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="283"/>
        <source>Upgrade the database to %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="284"/>
        <source>Roll the database back to %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="296"/>
        <source>Stamp the database as %1 without running any script?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="303"/>
        <source>Planning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="311"/>
        <source>Plan ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="311"/>
        <source>Run finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="312"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="312"/>
        <source>Failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="337"/>
        <source>Nothing to do: the database is already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="350"/>
        <source>Not run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="375"/>
        <source>The run failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="381"/>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="381"/>
        <source>Project settings (retort.ini alembic.ini)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="411"/>
        <source>About Retort Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="412"/>
        <source>&lt;h3&gt;Retort Studio %1&lt;/h3&gt;&lt;p&gt;Database schema migrations you can see: the revision history as a graph, where a database stands, and safe runs.&lt;/p&gt;&lt;p&gt;Compatible with Alembic projects and version tables.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::RevisionDetailPanel</name>
    <message>
        <location filename="../ui/revisiondetailpanel.cpp" line="45"/>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revisiondetailpanel.cpp" line="58"/>
        <source>No revision selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revisiondetailpanel.cpp" line="59"/>
        <source>Select a revision in the history to see its script.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revisiondetailpanel.cpp" line="68"/>
        <source>Parents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revisiondetailpanel.cpp" line="68"/>
        <source>none (a base)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revisiondetailpanel.cpp" line="70"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revisiondetailpanel.cpp" line="72"/>
        <source>Branch labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revisiondetailpanel.cpp" line="74"/>
        <source>On branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revisiondetailpanel.cpp" line="76"/>
        <source>Depends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revisiondetailpanel.cpp" line="78"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revisiondetailpanel.cpp" line="79"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revisiondetailpanel.cpp" line="81"/>
        <source>Transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revisiondetailpanel.cpp" line="81"/>
        <source>runs outside a transaction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ui::RunLogPanel</name>
    <message>
        <location filename="../ui/runlogpanel.cpp" line="15"/>
        <source>No run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runlogpanel.cpp" line="16"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runlogpanel.cpp" line="23"/>
        <source>Stop the run: the running statement is cancelled and its migration rolled back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runlogpanel.cpp" line="55"/>
        <source>upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runlogpanel.cpp" line="55"/>
        <source>downgrade</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
