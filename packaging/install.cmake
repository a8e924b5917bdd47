# Installation layout and the Debian package (CPack).
# The sample site (campus-hq/run-1, run-2) and its README; the script that builds it stays in the tree.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/samples/" DESTINATION "${CMAKE_INSTALL_DATADIR}/statetrace/samples"
        PATTERN "tools" EXCLUDE)
install(FILES "${PROJECT_SOURCE_DIR}/packaging/linux/io.statetrace.StateTrace.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${PROJECT_SOURCE_DIR}/packaging/linux/io.statetrace.StateTrace.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")

set(CPACK_PACKAGE_NAME "statetrace")
set(CPACK_PACKAGE_VENDOR "StateTrace")
set(CPACK_PACKAGE_CONTACT "StateTrace maintainers <maintainers@statetrace.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
include(CPack)
