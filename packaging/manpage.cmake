# SPDX-License-Identifier: Apache-2.0
# Writes a program's man page from its own --help and --version (help2man), so that the page
# cannot drift from the program. With COMMANDS, each subcommand's --help follows under
# COMMANDS. "Exit status:" in the help becomes the EXIT STATUS section, "Examples:" EXAMPLES.
# Usage: cmake -DPROGRAM=<exe> -DNAME=<name> -DVERSION=<x.y.z> -DSUMMARY=<one line> [-DCOMMANDS=ON]
#              -DOUT=<page.1.gz> -P manpage.cmake
cmake_minimum_required(VERSION 3.25)
find_program(HELP2MAN help2man REQUIRED)
find_program(GZIP gzip REQUIRED)
get_filename_component(outdir ${OUT} DIRECTORY)
set(page ${outdir}/${NAME}.1)
set(include ${outdir}/${NAME}.h2m)

# Text for a roff no-fill block: backslashes escaped, no line starting a request.
function(roff_verbatim text out)
    string(REPLACE "\\" "\\e" text "${text}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

set(include_option)
if(COMMANDS)
    execute_process(COMMAND ${PROGRAM} --help OUTPUT_VARIABLE usage RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${PROGRAM} --help failed")
    endif()
    string(REGEX MATCH "\nCommands:\n(  [^\n]*\n)+" list "${usage}")
    string(REGEX MATCHALL "\n  [a-z][a-z-]*" names "${list}")
    set(sections "[COMMANDS]\nEach command takes the global options too.\n")
    foreach(entry IN LISTS names)
        string(STRIP "${entry}" command)
        execute_process(COMMAND ${PROGRAM} ${command} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
        if(NOT rc EQUAL 0)
            message(FATAL_ERROR "${PROGRAM} ${command} --help failed")
        endif()
        string(REGEX REPLACE "^Usage: [^ ]+" "Usage: ${NAME}" help "${help}")
        roff_verbatim("${help}" help)
        string(APPEND sections ".SS \"${NAME} ${command}\"\n.nf\n${help}\n.fi\n")
    endforeach()
    file(WRITE ${include} "${sections}")
    set(include_option --include=${include})
endif()

execute_process(COMMAND ${HELP2MAN} --no-info --section=1 --name=${SUMMARY}
                        "--version-string=${NAME} ${VERSION}"
                        ${include_option} --output=${page} ${PROGRAM}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "help2man failed for ${PROGRAM}")
endif()
file(READ ${page} text)
string(REGEX REPLACE "(^|\n)\\.SS \"Exit status:\"" "\\1.SH \"EXIT STATUS\"" text "${text}")
# The program's own path in "Usage:" lines reads as its name.
get_filename_component(dir ${PROGRAM} DIRECTORY)
string(REPLACE "${dir}/" "" text "${text}")
file(WRITE ${page} "${text}")
execute_process(COMMAND ${GZIP} -9nf ${page} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip failed for ${page}")
endif()
