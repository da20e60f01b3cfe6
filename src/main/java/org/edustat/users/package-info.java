/**
 * The users of the web UI, their roles and the lock after repeated failed logins; the
 * owner of app_user.
 */
package org.edustat.users;
