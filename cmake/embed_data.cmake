# Generates a C++ source that holds data files from corpora/ as string constants, so language
# knowledge (months, abbreviations, glossaries, units) stays data in corpora/ yet needs no path
# lookup at run time. Regenerated whenever a listed file changes.
#
#   pressmine_embed_data(TARGET target NAMESPACE ns::path FUNCTION Name FILES a.tsv b.tsv)
#
# declares, in the generated header <target>_data.h:
#   std::string_view Name(std::string_view file_name);  // "" when not embedded
# where file_name is the path relative to corpora/ ("lexicon/months.tsv").
function(pressmine_embed_data)
  cmake_parse_arguments(ARG "" "TARGET;NAMESPACE;FUNCTION" "FILES" ${ARGN})
  set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/embedded")
  set(header "${out_dir}/${ARG_TARGET}_data.h")
  set(source "${out_dir}/${ARG_TARGET}_data.cc")
  set(abs_files)
  foreach(f IN LISTS ARG_FILES)
    list(APPEND abs_files "${PRESSMINE_CORPORA_DIR}/${f}")
  endforeach()
  add_custom_command(
    OUTPUT "${header}" "${source}"
    COMMAND ${CMAKE_COMMAND}
      -DHEADER=${header} -DSOURCE=${source} -DNAMESPACE=${ARG_NAMESPACE}
      -DFUNCTION=${ARG_FUNCTION} -DROOT=${PRESSMINE_CORPORA_DIR} "-DFILES=${ARG_FILES}"
      -P "${PROJECT_SOURCE_DIR}/cmake/embed_data_generate.cmake"
    DEPENDS ${abs_files} "${PROJECT_SOURCE_DIR}/cmake/embed_data_generate.cmake"
    COMMENT "Embedding corpora data for ${ARG_TARGET}"
    VERBATIM)
  target_sources(${ARG_TARGET} PRIVATE "${source}" "${header}")
  target_include_directories(${ARG_TARGET} PRIVATE "${out_dir}")
endfunction()
