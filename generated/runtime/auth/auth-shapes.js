export const AUTH_SHAPES = {
    "pem-token": [["username", "password"], ["token"]],
    pmm: [["token"], ["username", "password"], ["apiKey"]],
};
