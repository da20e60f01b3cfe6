/**
 * EduStat: the application's start (command line or server) and its modules below.
 */
package org.edustat;
