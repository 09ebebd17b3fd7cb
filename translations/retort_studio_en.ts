<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>retort::ui::ConfirmRunDialog</name>
    <message numerus="yes">
        <location filename="../ui/confirmrundialog.cpp" line="43"/>
        <source>%n migration(s) will run, each in its own transaction. This is the exact SQL:</source>
        <translation>
            <numerusform>%n migration will run, in its own transaction. This is the exact SQL:</numerusform>
            <numerusform>%n migrations will run, each in its own transaction. This is the exact SQL:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/confirmrundialog.cpp" line="47"/>
        <source>%n statement(s) destroy data:</source>
        <translation>
            <numerusform>%n statement destroys data:</numerusform>
            <numerusform>%n statements destroy data:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retort::ui::DatabaseStatusPanel</name>
    <message numerus="yes">
        <location filename="../ui/databasestatuspanel.cpp" line="59"/>
        <source>Empty database: %n revision(s) to apply</source>
        <translation>
            <numerusform>Empty database: %n revision to apply</numerusform>
            <numerusform>Empty database: %n revisions to apply</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/databasestatuspanel.cpp" line="62"/>
        <source>At %1: %n revision(s) behind head</source>
        <translation>
            <numerusform>At %1: %n revision behind head</numerusform>
            <numerusform>At %1: %n revisions behind head</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retort::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="207"/>
        <source>%n revision(s)</source>
        <translation>
            <numerusform>%n revision</numerusform>
            <numerusform>%n revisions</numerusform>
        </translation>
    </message>
</context>
</TS>
