# Read by cpack before it packages (CPACK_PROJECT_CONFIG_FILE). dpkg-shlibdeps takes the
# architecture whose libraries it looks up from DEB_HOST_ARCH; without it, the build
# machine's, which is wrong for a cross build.
if(CPACK_DEBIAN_PACKAGE_ARCHITECTURE)
  set(ENV{DEB_HOST_ARCH} "${CPACK_DEBIAN_PACKAGE_ARCHITECTURE}")
endif()
