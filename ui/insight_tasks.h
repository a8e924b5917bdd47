// The insight and checklist work StoreSession runs off the GUI thread: plain C++ over the
// Qt-free core, each task on its own connection, returning values the GUI thread may keep.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "insights/escalation.h"
#include "insights/insight_listing.h"
#include "store/checklist_store.h"
#include "store/listings.h"

namespace st::ui {

// One insight card as the cards view shows it: the stored row plus what the view would
// otherwise have to ask the store for on the GUI thread.
struct InsightCard {
  insights::InsightRow row;
  std::optional<insights::EscalationCue> escalation;  // nullopt: nobody is named
  std::string platform;                               // the device's ("cisco_ios"), for next commands
};

// An incident cluster with the cue of its pattern's runbook.
struct InsightCluster {
  insights::ClusterRow row;
  std::string site;  // of its first card's device
  std::optional<insights::EscalationCue> escalation;
};

struct InsightsOutcome {
  std::shared_ptr<const std::vector<store::RunRow>> runs;  // null when `error` is set
  std::optional<RunId> run;                                // asked for; nullopt: each device's latest
  std::shared_ptr<const std::vector<InsightCard>> cards;    // ranked by severity
  std::shared_ptr<const std::vector<InsightCluster>> clusters;
  std::optional<Error> error;
};

// Cards of `run` (nullopt: each device's latest run) with their evidence text, and the
// clusters of that run (nullopt: the latest run).
InsightsOutcome load_insights(const std::filesystem::path& store_path, std::optional<RunId> run);

// The checklist marks of one incident ("insight:12", "cluster:3") on one device ("" for a
// cluster-wide list).
struct ChecklistOutcome {
  std::string incident, device;
  std::vector<store::ChecklistMark> marks;
  std::optional<Error> error;
};
ChecklistOutcome load_checklist(const std::filesystem::path& store_path, std::string incident, std::string device);
// Saves `mark` (read-write), then reads the marks back.
ChecklistOutcome save_checklist(const std::filesystem::path& store_path, std::string incident, std::string device,
                                store::ChecklistMark mark);

// Marks card `insight` a false positive (or clears the mark), read-write.
struct FeedbackOutcome {
  std::int64_t insight = 0;
  bool false_positive = false;
  std::optional<Error> error;
};
FeedbackOutcome save_false_positive(const std::filesystem::path& store_path, std::int64_t insight,
                                    bool false_positive);

}  // namespace st::ui
