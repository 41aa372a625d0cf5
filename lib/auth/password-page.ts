/** Where one chooses a new password; someone whose password was reset is sent nowhere else. */
export const PASSWORD_PAGE = "/account/password";
