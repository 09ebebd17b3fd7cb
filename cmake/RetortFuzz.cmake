# SPDX-License-Identifier: Apache-2.0
# Fuzz build: the engine is instrumented for libFuzzer, AddressSanitizer and UBSan.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "RETORT_FUZZ needs clang: configure with the 'fuzz' preset")
endif()
set(RETORT_SANITIZE_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1)
add_compile_options(${RETORT_SANITIZE_FLAGS} -fsanitize=fuzzer-no-link)
add_link_options(-fsanitize=address,undefined)
