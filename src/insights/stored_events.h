// The selected events of a committed run, read back from its event blocks: what a rule tried
// on an earlier run (`rules test`, the rule editor's preview) or a re-detection reads. At
// ingest the parser threads select them instead (ingest/file_parser.cpp).
#pragma once

#include "core/error.h"
#include "core/ids.h"
#include "insights/event_selector.h"
#include "insights/selected_event.h"
#include "store/database.h"

namespace st::insights {

Result<RunEvents> select_stored_events(store::Database& db, RunId run, const EventSelectorSet& selectors);

}  // namespace st::insights
