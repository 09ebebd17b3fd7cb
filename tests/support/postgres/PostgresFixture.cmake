# SPDX-License-Identifier: Apache-2.0
# A throwaway PostgreSQL server for the tests, as the CTest fixture `postgres`.
# postgres_start runs before the first test that needs it, postgres_stop after the last one, even
# when tests fail. Tests find the server through $RETORT_TEST_PG_DIR/url (see testpostgres.h).
find_program(RETORT_BASH bash REQUIRED)

set(RETORT_TEST_PG_DIR "${CMAKE_BINARY_DIR}/postgres")
set(_retort_pgserver "${CMAKE_CURRENT_LIST_DIR}/pgserver.sh")

add_test(NAME postgres_start COMMAND ${RETORT_BASH} ${_retort_pgserver} start ${RETORT_TEST_PG_DIR})
set_tests_properties(postgres_start PROPERTIES FIXTURES_SETUP postgres TIMEOUT 120 LABELS postgres)

add_test(NAME postgres_stop COMMAND ${RETORT_BASH} ${_retort_pgserver} stop ${RETORT_TEST_PG_DIR})
set_tests_properties(postgres_stop PROPERTIES FIXTURES_CLEANUP postgres TIMEOUT 60 LABELS postgres)

# retort_requires_postgres(<test>): <test> runs against the fixture's server. Call it after the
# test's own ENVIRONMENT is set: it appends to that property instead of replacing it.
function(retort_requires_postgres test)
    set_property(TEST ${test} APPEND PROPERTY FIXTURES_REQUIRED postgres)
    set_property(TEST ${test} APPEND PROPERTY ENVIRONMENT
        "RETORT_TEST_PG_DIR=${CMAKE_BINARY_DIR}/postgres")
    set_property(TEST ${test} APPEND PROPERTY LABELS postgres)
endfunction()
