/**
 * The users of the web UI, their roles and the lock after repeated failed logins; the
 * owner of app_user.
 */
@NullMarked
package org.edustat.users;

import org.jspecify.annotations.NullMarked;
