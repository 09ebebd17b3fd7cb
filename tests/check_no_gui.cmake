# SPDX-License-Identifier: Apache-2.0
# Fails when BINARY (the CLI, which links all of retort_core) loads a Qt GUI library.
execute_process(COMMAND ldd ${BINARY} OUTPUT_VARIABLE libs RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "ldd ${BINARY} failed")
endif()
if(NOT libs MATCHES "libQt6Core")
    message(FATAL_ERROR "unexpected ldd output for ${BINARY}:\n${libs}")
endif()
if(libs MATCHES "libQt6(Widgets|Gui)|qscintilla")
    message(FATAL_ERROR "${BINARY} links a GUI library:\n${libs}")
endif()
message(STATUS "${BINARY}: Qt Core and Sql only")
