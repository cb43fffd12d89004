#pragma once
// What the screens read and write: the programme, visits and activities.
#include "core/visits.h"
#include "ui/screens/activity_desk.h"
#include "ui/screens/programme_view.h"
#include "ui/screens/visit_desk.h"

namespace olohuone::ui {

struct KioskData {
    ProgrammeView& programme;
    VisitDesk& visits;
    ActivityDesk& activities;
    const VisitOptions& visit_options;
};

} // namespace olohuone::ui
