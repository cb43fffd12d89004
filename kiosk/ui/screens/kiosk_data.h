#pragma once
// What the screens read and write: the programme, visits and activities, staff mode's
// desk; and whether the server is out of reach.
#include "core/visits.h"
#include "ui/screens/connection_view.h"
#include "ui/screens/activity_desk.h"
#include "ui/screens/programme_view.h"
#include "ui/screens/staff_desk.h"
#include "ui/screens/storage_view.h"
#include "ui/screens/visit_desk.h"

namespace olohuone::ui {

struct KioskData {
    ProgrammeView& programme;
    VisitDesk& visits;
    ActivityDesk& activities;
    const VisitOptions& visit_options;
    StaffDesk& staff;
    const ConnectionView* connection = nullptr; // none: a kiosk without a server
    StorageView* storage = nullptr;             // none: storage is never reported full
};

} // namespace olohuone::ui
