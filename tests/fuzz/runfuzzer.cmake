# SPDX-License-Identifier: Apache-2.0
# Runs one libFuzzer target for SECONDS on a scratch copy of its seed corpus; fails on a crash.
file(REMOVE_RECURSE ${CORPUS})
file(MAKE_DIRECTORY ${CORPUS})
file(GLOB seeds ${SEEDS}/*)
if(seeds)
    file(COPY ${seeds} DESTINATION ${CORPUS})
endif()
get_filename_component(workdir ${CORPUS} DIRECTORY)
execute_process(
    COMMAND ${FUZZER} -max_total_time=${SECONDS} -max_len=4096 -timeout=10 -rss_limit_mb=2048
            -artifact_prefix=${workdir}/ ${CORPUS}
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${FUZZER} found a failure (exit ${rc}); the input is saved in ${workdir}")
endif()
