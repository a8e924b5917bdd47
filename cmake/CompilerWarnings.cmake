# Warning flags for our own targets only (never for third-party headers).
add_library(statetrace_warnings INTERFACE)
target_compile_options(statetrace_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough)
if(STATETRACE_WARNINGS_AS_ERRORS)
  target_compile_options(statetrace_warnings INTERFACE -Werror)
endif()
