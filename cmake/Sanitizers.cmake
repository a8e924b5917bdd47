# ASan + UBSan for the `asan` preset; any finding aborts the test.
add_library(statetrace_sanitizers INTERFACE)
if(STATETRACE_SANITIZE)
  target_compile_options(statetrace_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g)
  target_link_options(statetrace_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all)
endif()
