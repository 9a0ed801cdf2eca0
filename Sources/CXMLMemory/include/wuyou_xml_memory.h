#ifndef WUYOU_XML_MEMORY_H
#define WUYOU_XML_MEMORY_H

/* libxml2's memory, kept in pools per thread: every parse and validation makes and frees
   some 500 small blocks (nodes, names, attribute values, validation states), and glibc's
   malloc, with its few cached blocks per size, spent a sixth of a two-core audit on them.
   Blocks up to 512 bytes are recycled through a free list per size class and thread (any
   thread may free a block another made); larger ones go to malloc. Installed with
   xmlMemSetup before libxml2 allocates anything. */
void wuyou_xml_install_memory(void);

#endif
