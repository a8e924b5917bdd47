// One logging entry point over spdlog. The macros test the level before any
// argument is formatted, so disabled debug logging costs one branch on hot paths.
#pragma once

#include <spdlog/spdlog.h>

#define ST_LOG_DEBUG(...) \
  do { if (spdlog::should_log(spdlog::level::debug)) spdlog::debug(__VA_ARGS__); } while (0)
#define ST_LOG_INFO(...) \
  do { if (spdlog::should_log(spdlog::level::info)) spdlog::info(__VA_ARGS__); } while (0)
#define ST_LOG_WARN(...) \
  do { if (spdlog::should_log(spdlog::level::warn)) spdlog::warn(__VA_ARGS__); } while (0)
