# Debian packages, built with `cpack -G DEB` in a build configured with
# -DCMAKE_INSTALL_PREFIX=/usr -DOLOHUONE_DATA_DIR=/usr/share/olohuone (docs/packages.md):
#   olohuone-kiosk   the kiosk program, its content and fonts configuration, its unit
#   olohuone-server  the central server and its unit
#   olohuonectl      the admin tool, which both need (set-pin on a kiosk, add-site on a
#                    server); one package so the tool is the same file on every machine
# Self-contained on purpose: the install rules name the targets from here, so the same
# file packages an older tree unchanged (tools/dev/package-test does).
include(GNUInstallDirs)

set(OLOHUONE_DEB_REVISION "1" CACHE STRING "Debian revision of the packages (the part after the version's dash)")
set(packaging_dir "${PROJECT_SOURCE_DIR}/packaging")

# --- what goes where -----------------------------------------------------------------
install(TARGETS olohuone-kiosk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
install(TARGETS olohuone-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
install(TARGETS olohuonectl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT ctl)

install(DIRECTORY "${PROJECT_SOURCE_DIR}/content/" DESTINATION ${CMAKE_INSTALL_DATADIR}/olohuone/content
  COMPONENT kiosk)
install(FILES "${PROJECT_SOURCE_DIR}/fonts/fonts.toml" DESTINATION ${CMAKE_INSTALL_DATADIR}/olohuone/fonts
  COMPONENT kiosk)

# Absolute: Debian's places, whatever the prefix.
install(FILES "${PROJECT_SOURCE_DIR}/systemd/olohuone-kiosk.service" DESTINATION /lib/systemd/system COMPONENT kiosk)
install(FILES "${PROJECT_SOURCE_DIR}/systemd/olohuone-server.service" DESTINATION /lib/systemd/system
  COMPONENT server)
install(FILES "${packaging_dir}/etc/olohuone/kiosk.toml" DESTINATION /etc/olohuone COMPONENT kiosk)
# Lets the kiosk's user ask systemd-timedated to set the clock (staff's "Aseta kellonaika").
install(FILES "${packaging_dir}/polkit/50-olohuone-kiosk.rules" DESTINATION /usr/share/polkit-1/rules.d
  COMPONENT kiosk)
install(FILES "${packaging_dir}/etc/olohuone/server.toml" DESTINATION /etc/olohuone COMPONENT server)

# --- the Debian architecture, from the compiler's target ----------------------------------
# Not `dpkg --print-architecture`: that names the build machine, wrong for a cross build.
string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" target_processor)
if(target_processor MATCHES "^(x86_64|amd64)$")
  set(OLOHUONE_DEB_ARCHITECTURE amd64)
elseif(target_processor MATCHES "^(aarch64|arm64)$")
  set(OLOHUONE_DEB_ARCHITECTURE arm64)
elseif(target_processor MATCHES "^arm")
  set(OLOHUONE_DEB_ARCHITECTURE armhf)
elseif(target_processor MATCHES "^i[3-6]86$")
  set(OLOHUONE_DEB_ARCHITECTURE i386)
else()
  message(FATAL_ERROR "packaging: no Debian architecture known for CMAKE_SYSTEM_PROCESSOR '${CMAKE_SYSTEM_PROCESSOR}'")
endif()

# --- CPack -----------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME olohuone)
set(CPACK_PACKAGE_VENDOR "Olohuone")
set(CPACK_PACKAGE_CONTACT "Olohuone maintainers <olohuone@localhost>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL kiosk server ctl) # not "Unspecified": the subfolders' own install rules

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_PACKAGE_RELEASE "${OLOHUONE_DEB_REVISION}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # NAME_VERSION-REVISION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${OLOHUONE_DEB_ARCHITECTURE})
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# dpkg-shlibdeps reads the target's architecture from here (a cross build's libraries).
set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_CURRENT_LIST_DIR}/packaging-cpack-env.cmake")

set(deb_version "${PROJECT_VERSION}-${OLOHUONE_DEB_REVISION}")
# The tool and the programs open the same databases with the same migrations: one version.
set(same_ctl "olohuonectl (= ${deb_version})")

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME olohuone-kiosk)
set(CPACK_COMPONENT_KIOSK_DESCRIPTION "Olohuone touch kiosk for community living rooms\n"
  " The full-screen kiosk: today's programme, visitors signing in and out, registrations\n"
  " and attendance, synchronised with olohuone-server when one is configured.")
# fonts.toml names DejaVu first; tzdata for the living room's wall clock; adduser for
# postinst; the dictionaries long words are hyphenated by (libvoikko and libhyphen
# themselves come from dpkg-shlibdeps).
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
  "${same_ctl}, fonts-dejavu-core, tzdata, adduser, voikko-fi, hyphen-sv, hyphen-en-us")
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "ca-certificates, polkitd") # polkitd: the clock rule
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
  "${packaging_dir}/debian/olohuone-kiosk/conffiles;${packaging_dir}/debian/olohuone-kiosk/postinst;${packaging_dir}/debian/olohuone-kiosk/prerm;${packaging_dir}/debian/olohuone-kiosk/postrm")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME olohuone-server)
set(CPACK_COMPONENT_SERVER_DESCRIPTION "Olohuone central server\n"
  " The HTTPS server the kiosks send their records to and take their programme from,\n"
  " with the coordinators' web pages.")
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "${same_ctl}, tzdata, adduser")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "ca-certificates")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
  "${packaging_dir}/debian/olohuone-server/conffiles;${packaging_dir}/debian/olohuone-server/postinst;${packaging_dir}/debian/olohuone-server/prerm;${packaging_dir}/debian/olohuone-server/postrm")

set(CPACK_DEBIAN_CTL_PACKAGE_NAME olohuonectl)
set(CPACK_COMPONENT_CTL_DESCRIPTION "Olohuone admin tool\n"
  " olohuonectl: the kiosk's staff PIN, exports and evacuation list, and the server's\n"
  " sites, kiosks, programmes and coordinator accounts.")
set(CPACK_DEBIAN_CTL_PACKAGE_DEPENDS "tzdata")

include(CPack)
